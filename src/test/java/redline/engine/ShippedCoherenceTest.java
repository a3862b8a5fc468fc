package redline.engine;

import redline.analysis.Decisions;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redline.model.Constraint;
import redline.model.Evaluation;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * Every shipped coherence rule is exercised both ways: a proposal holding its combination (a row
 * of its Drools-decided table that breaks it) is refused naming it, and one holding a combination
 * it allows is not refused by it; each rule cites sources or gives a reason, and is dated.
 */
class ShippedCoherenceTest {
  @Test
  void everyCoherenceRuleRefusesItsCombinationAndOnlyIt() throws RulesException {
    RuleBook book = RuleBook.load(Path.of("rules"));
    Evaluator evaluator = new Evaluator(book);
    Decisions decisions = Decisions.compute(evaluator);
    assertFalse(book.coherence().isEmpty());
    for (Constraint c : book.coherence()) {
      assertTrue(!c.stance().isEmpty() || !c.sources().isEmpty(), c.id() + " gives a reason or sources");
      assertTrue(c.asOf() != null && c.evidence() != null, c.id() + " is dated and tagged");
      Table t = decisions.table(c.id());
      boolean refused = false;
      boolean allowed = false;
      for (int row = 0; row < t.rows() && !(refused && allowed); row++) {
        Map<String, TermValue> terms = new LinkedHashMap<>();
        int[] values = t.values(row);
        for (int i = 0; i < values.length; i++) {
          terms.put(t.names().get(i), decisions.domains().get(t.names().get(i)).get(values[i]));
        }
        Evaluation e = evaluator.evaluate(Proposal.of(c.id() + "#" + row, terms));
        boolean named = e.errors().stream().anyMatch(d -> d.code().equals(Evaluator.INCOHERENT) && d.message().contains(c.id()));
        if (t.isBroken(row)) {
          assertTrue(named, c.id() + " refuses " + terms + ": " + e.errors());
          refused = true;
        } else {
          assertFalse(named, c.id() + " allows " + terms);
          allowed = true;
        }
      }
      assertTrue(refused && allowed, c.id() + " is exercised both ways");
    }
  }

  @Test
  void aCoherenceRuleThatMatchesOnlyBecauseATermIsOpenRefusesNothing() throws RulesException {
    // COH-01 reads `nato_accession != "OPEN"`: with nato_accession left open its rule matches the
    // fact, but the proposal can still be completed coherently (with OPEN), so it is not refused
    Evaluator evaluator = new Evaluator(RuleBook.load(Path.of("rules")));
    Proposal open = Proposal.of("open", Map.of("security_guarantee", new TermValue.Many(new java.util.TreeSet<>(List.of("NATO_ART5")))));
    assertTrue(evaluator.fire(List.of(open)).broke(0, "COH-01"), "the rule matches the open term");
    Evaluation e = evaluator.evaluate(open);
    assertTrue(e.errors().isEmpty(), e.errors().toString());
    assertFalse(e.parties().isEmpty());
  }
}
