package redline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.model.Kind;

/** The conflict search stopped by its budget: what it claims complete must be complete. */
class MinimalTest {
  @Test
  void aSearchStoppedByItsBudgetListsEverySetUpToTheSizeItClaims() throws Exception {
    Evaluator evaluator = new Evaluator(RuleBook.load(Path.of("rules")));
    Decisions d = Decisions.compute(evaluator);
    Space space = Space.of(d, evaluator, Map.of());
    List<Table> coherence = space.tables().stream().filter(t -> t.constraint().kind() == Kind.COHERENCE).toList();
    Solvers all = new Solvers(space, space.tables());
    List<Table> redLines =
        space.tables().stream()
            .filter(t -> t.constraint().kind() == Kind.RED_LINE && t.canSatisfy())
            .filter(t -> all.exists(java.util.stream.Stream.concat(java.util.stream.Stream.of(t), Minimal.linked(List.of(t), coherence).stream()).toList(), List.of()))
            .toList();
    // the group of red lines tied to the first conflict: a search cut short inside it
    List<Table> everyRedLine = redLines;
    int first = Minimal.unsatisfiable(new Solvers(space, space.tables()), everyRedLine, coherence, 1_000_000, () -> false).sets().get(0).get(0);
    redLines = Minimal.groups(everyRedLine, coherence).stream().filter(g -> g.contains(first)).findFirst().orElseThrow().stream().map(everyRedLine::get).toList();
    Solvers counted = new Solvers(space, space.tables());
    Minimal.Result whole = Minimal.unsatisfiable(counted, redLines, coherence, 1_000_000, () -> false);
    assertFalse(whole.truncated());
    assertFalse(whole.sets().isEmpty());
    long needed = counted.calls();
    for (long budget = 0; budget <= needed; budget++) {
      Minimal.Result cut = Minimal.unsatisfiable(new Solvers(space, space.tables()), redLines, coherence, budget, () -> false);
      if (!cut.truncated()) {
        assertTrue(budget > 0, "a budget of no call stops the search");
        assertEquals(whole.sets(), cut.sets());
        break;
      }
      int k = cut.completeUpTo();
      assertTrue(k >= 1, "complete at least up to one red line: each is satisfiable alone");
      Set<List<Integer>> upToK = whole.sets().stream().filter(s -> s.size() <= k).collect(Collectors.toSet());
      Set<List<Integer>> listed = cut.sets().stream().filter(s -> s.size() <= k).collect(Collectors.toSet());
      assertEquals(upToK, listed, "budget " + budget + ": every conflict of up to " + k + " red lines");
      assertTrue(whole.sets().containsAll(cut.sets()), "budget " + budget + ": a stopped search lists only real conflicts");
    }
  }
}
