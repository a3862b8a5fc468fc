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
    // rules built past the reader might look at other facts: their sessions keep none
    Evaluator one = new Evaluator(joined);
    for (Proposal p : proposals) {
      assertEquals(expected.get(proposals.indexOf(p)).parties(), one.evaluate(p).parties(), p.id());
    }
    assertEquals(0, one.factsHeld());
  }

  @Test
  void aSessionUsedBeforeKeepsNothingOfEarlierProposals() throws Exception {
    RuleBook book = RuleBook.load(Path.of("rules"));
    Evaluator reused = new Evaluator(book);
    // more than DISCARD_FROM, so that one at a time they outlive a spent session
    List<Proposal> proposals = randomProposals(5, 2 * Evaluator.DISCARD_FROM + 7);
    // one at a time, in batches, and in parallel, on the same evaluator's sessions
    List<Evaluation> alone = new java.util.ArrayList<>();
    for (Proposal p : proposals) {
      alone.add(reused.evaluate(p));
    }
    assertSame(alone, reused.evaluateAll(proposals), "in one batch");
    assertSame(alone, proposals.parallelStream().map(reused::evaluate).toList(), "in parallel");
    for (int i = 0; i < proposals.size(); i++) {
      assertEquals(new Evaluator(book).evaluate(proposals.get(i)), alone.get(i), proposals.get(i).id());
    }
    // a session goes back to the pool with its earlier facts (they match nothing later) until it
    // has been given DISCARD_FROM proposals; then it is discarded
    assertTrue(reused.factsHeld() > 0, "a session of bounded rules keeps its facts");
    assertTrue(reused.factsHeld() < Evaluator.DISCARD_FROM, "an idle session holds " + reused.factsHeld() + " facts");
  }

  @Test
  void aStreamedBatchGivesEveryEvaluationInOrder() throws Exception {
    RuleBook book = RuleBook.load(Path.of("rules"));
    Evaluator evaluator = new Evaluator(book);
    List<Proposal> proposals = randomProposals(9, Evaluator.CHUNK * 2 + 7);
    List<Evaluation> streamed = new java.util.ArrayList<>();
    evaluator.evaluateEach(proposals, streamed::add);
    assertSame(evaluator.evaluateAll(proposals), streamed, "streamed");
    List<Evaluation> none = new java.util.ArrayList<>();
    evaluator.evaluateEach(List.of(), none::add);
    assertTrue(none.isEmpty());
  }

  /** {@code count} random proposals over the shipped vocabulary, some terms left open. */
  private static List<Proposal> randomProposals(long seed, int count) {
    java.util.Random random = new java.util.Random(seed);
    List<Proposal> out = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(EvaluatorTest.randomProposal(random, "p" + i));
    }
    return out;
  }

  /** The same evaluations in the same order; a failure names the first proposal that differs, not the whole list. */
  private static void assertSame(List<Evaluation> expected, List<Evaluation> actual, String how) {
    assertEquals(expected.size(), actual.size(), how + ": how many evaluations");
    for (int i = 0; i < expected.size(); i++) {
      assertTrue(expected.get(i).equals(actual.get(i)), how + ": proposal " + expected.get(i).proposal().id() + " differs");
    }
  }
}
