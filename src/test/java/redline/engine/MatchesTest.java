package redline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import redline.model.Evaluation;
import redline.model.Proposal;

/**
 * Matches are recorded as Drools creates them, and nothing fires: through the alpha network alone
 * for the rules the closed subset allows, and through the agenda for any other rule.
 */
class MatchesTest {
  @Test
  void theShippedAndLinkedRulesNeedOnlyTheAlphaNetwork() throws Exception {
    assertTrue(RuleBook.load(Path.of("rules")).alphaOnly());
    assertTrue(RuleBook.load(Path.of("src/test/resources/linked/rules")).alphaOnly());
  }

  @Test
  void aRuleBeyondTheAlphaNetworkIsStillDecided() throws Exception {
    // the same condition as AA-01's, joined to the same fact a second time: a beta network
    RuleBook joined = IsolationTest.withCondition("$p : Proposal( alliance == \"OPEN\" )\n  Proposal( this == $p )");
    assertFalse(joined.alphaOnly());
    RuleBook clean = RuleBook.load(IsolationTest.MINI);
    List<Proposal> proposals = IsolationTest.batch();
    List<Evaluation> expected = new Evaluator(clean).evaluateAll(proposals);
    List<Evaluation> got = new Evaluator(joined).evaluateAll(proposals);
    for (int i = 0; i < proposals.size(); i++) {
      assertTrue(got.get(i).errors().isEmpty(), got.get(i).errors().toString());
      assertEquals(expected.get(i).parties(), got.get(i).parties(), proposals.get(i).id());
    }
    assertTrue(new Evaluator(joined).fire(proposals).broken().get(3).contains("AA-01"));
  }
}
