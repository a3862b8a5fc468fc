package redline.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;

/**
 * Drools' decisions kept beside the compiled rules: a later process takes them instead of running
 * every constraint again, and gets exactly the tables Drools would give.
 */
class KeptDecisionsTest {
  private static final Path LINKED = Path.of("src/test/resources/linked/rules");

  @Test
  void keptDecisionsAreTheDecisionsDroolsMakes(@TempDir Path cache) throws RulesException, IOException {
    for (Path rules : List.of(Path.of("rules"), LINKED)) {
      Decisions fresh = Decisions.compute(new Evaluator(RuleBook.load(rules)));
      RuleBook first = RuleBook.load(rules, rules.toString(), cache);
      assertEquals(fresh.tables(), Decisions.compute(new Evaluator(first)).tables(), "computed with a memo");
      assertTrue(sideFiles(cache).size() >= 1, "the decisions are kept: " + sideFiles(cache));
      RuleBook second = RuleBook.load(rules, rules.toString(), cache);
      assertTrue(second.files().stream().allMatch(f -> f.descr() == null), "the second load reads the cache");
      Decisions kept = Decisions.compute(new Evaluator(second));
      assertEquals(fresh.tables(), kept.tables(), "read back from the memo");
      assertEquals(fresh.domains(), kept.domains());
      // and on another day's positions, whose domains may differ
      for (var day : second.changeDates()) {
        assertEquals(
            Decisions.compute(new Evaluator(RuleBook.load(rules).at(day))).tables(),
            Decisions.compute(new Evaluator(second.at(day))).tables(),
            "on " + day);
      }
    }
  }

  @Test
  void aCorruptOrForeignMemoIsIgnored(@TempDir Path cache) throws RulesException, IOException {
    Decisions fresh = Decisions.compute(new Evaluator(RuleBook.load(LINKED)));
    RuleBook book = RuleBook.load(LINKED, LINKED.toString(), cache);
    Decisions.compute(new Evaluator(book));
    Path side = sideFiles(cache).get(0);
    Files.writeString(side, "not a table");
    assertEquals(fresh.tables(), Decisions.compute(new Evaluator(RuleBook.load(LINKED, LINKED.toString(), cache))).tables());
    // a memo of the right shape but the wrong content type is dropped too
    book.memo().write(Decisions.MEMO, new java.util.HashMap<>(java.util.Map.of("x", "y")));
    assertEquals(fresh.tables(), Decisions.compute(new Evaluator(RuleBook.load(LINKED, LINKED.toString(), cache))).tables());
  }

  @Test
  void rulesLoadedWithoutACacheKeepNothing() throws RulesException {
    RuleBook book = RuleBook.load(LINKED);
    assertSameTables(Decisions.compute(new Evaluator(book)), Decisions.compute(new Evaluator(book)));
    assertTrue(book.memo().read(Decisions.MEMO, java.util.HashMap.class).isEmpty());
  }

  private static void assertSameTables(Decisions a, Decisions b) {
    assertEquals(a.tables(), b.tables());
  }

  private static List<Path> sideFiles(Path cache) throws IOException {
    try (Stream<Path> s = Files.list(cache)) {
      return s.filter(p -> p.toString().endsWith("." + Decisions.MEMO)).sorted().toList();
    }
  }
}
