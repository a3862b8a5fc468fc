package redline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.Limit;
import redline.model.Proposal;
import redline.model.TermValue;

/** Decision tables: the boundary values of number terms, and flags varied when a rule reads them. */
class DecisionsTest {
  @Test
  void numberDomainsHoldEveryThresholdAndTheValueAboveIt() throws RulesException {
    RuleBook book = RuleBook.load(Path.of("src/test/resources/mini/rules"));
    List<TermValue> cap = Decisions.compute(new Evaluator(book)).domains().get("army_cap");
    List<Integer> values = cap.stream().map(v -> ((TermValue.Number) v).value()).toList();
    assertEquals(List.of(0, 100000, 100001, 500000, 500001, Limit.NONE), values);
  }

  @Test
  void aFlagReadByARuleIsVaried(@TempDir Path dir) throws IOException, RulesException {
    Files.copy(Path.of("src/test/resources/mini/rules/vocabulary.yaml"), dir.resolve("vocabulary.yaml"));
    Files.writeString(
        dir.resolve("alpha.drl"),
        "package redline.rules;\n\nrule \"AA-01\"\n  @party(\"AA\") @kind(\"red-line\") @title(\"a wartime cap\") @stance(\"RED\")\n"
            + "  @sources(\"S01\") @evidence(\"I\") @asOf(\"2025-01-01\")\nwhen\n"
            + "  Proposal( army_cap < 500000, army_cap_peacetime == false )\nthen\nend\n");
    RuleBook book = RuleBook.load(dir);
    Decisions d = Decisions.compute(new Evaluator(book));
    Table t = d.table("AA-01");
    assertEquals(List.of("army_cap"), t.names());
    int broken = 0;
    for (int row = 0; row < t.rows(); row++) {
      TermValue.Number v = (TermValue.Number) d.domains().get("army_cap").get(t.values(row)[0]);
      boolean expected = v.value() < 500000 && !v.flags().get("peacetime");
      assertEquals(expected, t.isBroken(row), v.render());
      broken += t.isBroken(row) ? 1 : 0;
    }
    assertTrue(broken > 0);
    // the table agrees with evaluating the same proposal directly
    Proposal p = Proposal.of("p", Map.of("army_cap", new TermValue.Number(100000, Map.of("peacetime", false))));
    assertTrue(new Evaluator(book).fire(List.of(p)).broken().get(0).contains("AA-01"));
  }
}
