package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.Cli;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.Evaluation;
import redline.model.Limit;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * The best compromise on a rules folder whose parties cannot all be kept (linked red lines of
 * AA and BB collide), checked against brute force: every proposal of the raw option lists and a
 * dense range of numbers, evaluated by the engine, none of the analysis' domains reused.
 */
class CompromiseTest {
  static RuleBook book;
  static Evaluator evaluator;
  static List<Proposal> all = new ArrayList<>();
  static List<Evaluation> evaluations;

  @BeforeAll
  static void load() throws RulesException {
    book = RuleBook.load(Path.of("src/test/resources/linked/rules"));
    evaluator = new Evaluator(book);
    List<String> guarantees = List.of("BILATERAL", "FORCE", "ALLIANCE_CLAUSE");
    int[] caps = {0, 99_999, 100_000, 100_001, 250_000, 499_999, 500_000, 500_001, 800_000, Limit.NONE};
    for (String alliance : List.of("OPEN", "RENOUNCED", "MEMBER")) {
      for (int mask = 0; mask < 8; mask++) {
        TreeSet<String> g = new TreeSet<>();
        for (int i = 0; i < 3; i++) {
          if ((mask & (1 << i)) != 0) {
            g.add(guarantees.get(i));
          }
        }
        for (String ceasefire : List.of("FIRST", "AFTER_DEAL")) {
          for (int cap : caps) {
            for (boolean peacetime : List.of(false, true)) {
              Map<String, TermValue> terms = new LinkedHashMap<>();
              terms.put("alliance", new TermValue.One(alliance));
              terms.put("guarantee", new TermValue.Many(g));
              terms.put("ceasefire", new TermValue.One(ceasefire));
              terms.put("army_cap", new TermValue.Number(cap, Map.of("peacetime", peacetime)));
              all.add(Proposal.of("b" + all.size(), terms));
            }
          }
        }
      }
    }
    evaluations = evaluator.evaluateAll(all);
  }

  private static int changes(Proposal a, Proposal b) {
    int n = 0;
    for (String t : a.terms().keySet()) {
      n += a.terms().get(t).equals(b.terms().get(t)) ? 0 : 1;
    }
    return n;
  }

  /** By brute force: the fewest parties that do not accept, over coherent proposals within k changes. */
  private static int fewestLost(Proposal draft, int k) {
    int best = Integer.MAX_VALUE;
    for (int i = 0; i < all.size(); i++) {
      Evaluation e = evaluations.get(i);
      if (!e.errors().isEmpty() || changes(draft, all.get(i)) > k) {
        continue; // incoherent, or too far
      }
      int lost = 0;
      for (PartyResult r : e.parties()) {
        lost += Explorer.Acceptance.holds(r, false) ? 0 : 1;
      }
      best = Math.min(best, lost);
    }
    return best;
  }

  @Test
  void theBruteForceSeesNoProposalKeepingBothParties() {
    assertEquals(1, fewestLost(all.get(0), 4), "the fixture's red lines of AA and BB collide");
    long incoherent = evaluations.stream().filter(e -> !e.errors().isEmpty()).count();
    assertTrue(incoherent > 0 && incoherent < all.size());
  }

  @Test
  void theCompromiseLosesAsFewPartiesAsBruteForceFindsForEveryDraft() {
    Random random = new Random(8);
    Problem problem = Problem.of(book, Set.of(), false);
    int checked = 0;
    for (int round = 0; round < 40; round++) {
      Proposal draft = all.get(random.nextInt(all.size()));
      if (!evaluator.evaluate(draft).errors().isEmpty()) {
        continue;
      }
      int k = 1 + random.nextInt(3);
      Space space = Nearest.spaceFor(evaluator, draft);
      Suggestions x = Nearest.search(evaluator, space, problem, draft, k, 5, Progress.NONE);
      assertTrue(x.suggestions().isEmpty(), "no version keeps both parties");
      Compromise c = Compromise.search(evaluator, space, problem, draft, k, 5, Progress.NONE);
      int expected = fewestLost(draft, k);
      assertEquals(2 - expected, c.kept(), draft.terms() + " within " + k);
      assertFalse(c.partial());
      for (Compromise.Entry e : c.entries()) {
        assertEquals(expected, e.rejecting().size());
        assertTrue(e.suggestion().size() <= k);
        Evaluation again = evaluator.evaluate(e.suggestion().proposal());
        assertTrue(again.errors().isEmpty(), "a compromise is a proposal that can exist");
        long notKept = again.parties().stream().filter(r -> !Explorer.Acceptance.holds(r, false)).count();
        assertEquals(expected, notKept);
      }
      checked++;
    }
    assertTrue(checked > 20);
  }

  @Test
  void nearestWithEveryPartyOnTheShippedPlanPrintsTheBestCompromise() {
    Cli r = Cli.run("nearest", "--color", "never", "cases/us-28-point-plan.json");
    assertEquals(0, r.exit(), r.transcript());
    assertTrue(r.out().contains("Best compromise"), r.transcript());
    Cli json = Cli.run("nearest", "--format", "json", "cases/us-28-point-plan.json");
    assertEquals(0, json.exit(), json.transcript());
    assertTrue(json.out().contains("\"compromise\" : {"), json.transcript());
  }

  @Test
  void theCompromiseNamesTheKeptAndLostParties() {
    Problem problem = Problem.of(book, Set.of(), false);
    Proposal draft = all.get(0);
    Compromise c = Compromise.search(evaluator, Nearest.spaceFor(evaluator, draft), problem, draft, 3, 10, Progress.NONE);
    assertEquals(List.of("AA", "BB"), c.considered().stream().map(Party::code).toList());
    assertTrue(c.found());
    for (Compromise.Entry e : c.entries()) {
      assertFalse(e.broken().isEmpty(), "a lost party has a broken red line or an open one");
    }
  }
}
