package redline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redline.analysis.Decisions;
import redline.analysis.Table;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.Kind;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * Checks the checker's combination of decision tables against Drools itself: every proposal
 * over the terms of a conflict is run through the rules, and on small fixtures every subset of
 * red lines is tried, so the minimal sets found are neither wrong nor missing.
 */
class ExactnessTest {

  @ParameterizedTest
  @ValueSource(strings = {"rules", CheckRun.FIXTURES + "golden", CheckRun.FIXTURES + "cross-party", CheckRun.FIXTURES + "party-contradiction"})
  void everyConflictIsMinimalAndUnsatisfiableWhenDroolsRunsEveryProposal(String folder) throws Exception {
    RuleBook book = RuleBook.load(Path.of(folder));
    Evaluator evaluator = new Evaluator(book);
    Decisions decisions = Decisions.compute(evaluator);
    Context context = new Context(Path.of(folder), folder);
    for (Conflict c : context.conflicts()) {
      List<Proposal> all = proposals(decisions, c.terms());
      List<Set<String>> fired = evaluator.fire(all).broken();
      Set<String> ids = Set.copyOf(c.ids());
      for (Set<String> f : fired) {
        assertTrue(f.stream().anyMatch(ids::contains), "a proposal satisfies all of " + c.ids());
      }
      for (String dropped : c.ids()) {
        boolean satisfiable =
            fired.stream().anyMatch(f -> f.stream().noneMatch(id -> ids.contains(id) && !id.equals(dropped)));
        assertTrue(satisfiable, c.ids() + " without " + dropped + " is still unsatisfiable: the set is not minimal");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"golden", "cross-party", "party-contradiction", "duplicate-subsumed"})
  void theMinimalSetsAreExactlyThoseABruteForceSearchFinds(String fixture) throws Exception {
    Path dir = Path.of(CheckRun.FIXTURES + fixture);
    RuleBook book = RuleBook.load(dir);
    Evaluator evaluator = new Evaluator(book);
    Decisions decisions = Decisions.compute(evaluator);
    List<String> redLines = book.constraints().stream().filter(c -> c.kind() == Kind.RED_LINE).map(Constraint::id).toList();
    List<Set<String>> fired = evaluator.fire(proposals(decisions, new ArrayList<>(book.vocabulary().terms().keySet()))).broken();
    int n = redLines.size();
    boolean[] sat = new boolean[1 << n];
    for (int mask = 0; mask < (1 << n); mask++) {
      final int m = mask;
      sat[mask] = fired.stream().anyMatch(f -> {
        for (int i = 0; i < n; i++) {
          if ((m & (1 << i)) != 0 && f.contains(redLines.get(i))) {
            return false;
          }
        }
        return true;
      });
    }
    Set<String> expected = new TreeSet<>();
    for (int mask = 1; mask < (1 << n); mask++) {
      if (sat[mask] || Integer.bitCount(mask) < 2) {
        continue;
      }
      boolean minimal = true;
      for (int i = 0; i < n; i++) {
        if ((mask & (1 << i)) != 0 && !sat[mask & ~(1 << i)]) {
          minimal = false;
        }
      }
      if (minimal) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            ids.add(redLines.get(i));
          }
        }
        expected.add(String.join(",", ids));
      }
    }
    Set<String> found = new TreeSet<>();
    Checker.standard().check(dir).conflicts().forEach(c -> found.add(String.join(",", c.ids())));
    assertEquals(expected, found);
  }

  @Test
  void theGoldenFixtureHasAConflictOfFourRedLinesOverTwoTerms() {
    CheckReport report = Checker.standard().check(Path.of(CheckRun.FIXTURES + "golden"));
    assertTrue(
        report.crossPartyConflicts().stream()
            .anyMatch(c -> c.ids().equals(List.of("AA-01", "AA-02", "AA-06", "BB-04")) && c.terms().equals(List.of("nato_accession", "security_guarantee"))),
        report.crossPartyConflicts().toString());
    assertFalse(report.hasErrors());
  }

  /** Every combination of the values of {@code terms}, as proposals that set only those terms. */
  private static List<Proposal> proposals(Decisions decisions, List<String> terms) {
    List<Proposal> out = new ArrayList<>();
    int[] sizes = terms.stream().mapToInt(t -> decisions.domains().get(t).size()).toArray();
    int total = 1;
    for (int s : sizes) {
      total *= s;
    }
    for (int row = 0; row < total; row++) {
      Map<String, TermValue> values = new LinkedHashMap<>();
      int r = row;
      for (int i = terms.size() - 1; i >= 0; i--) {
        values.put(terms.get(i), decisions.domains().get(terms.get(i)).get(r % sizes[i]));
        r /= sizes[i];
      }
      out.add(Proposal.of("probe-" + row, values));
    }
    return out;
  }
}
