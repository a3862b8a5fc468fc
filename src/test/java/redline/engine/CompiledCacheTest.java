package redline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.model.Evaluation;
import redline.model.Proposal;

/** The compiled-rules cache: same results as compiling, keyed by content, silent when broken. */
class CompiledCacheTest {
  @Test
  void aCachedRuleBookEvaluatesExactlyLikeACompiledOne(@TempDir Path cache) throws Exception {
    RuleBook compiled = RuleBook.load(Path.of("rules"));
    RuleBook first = RuleBook.load(Path.of("rules"), "rules", cache);
    assertEquals(1, files(cache).size(), "the first load writes the cache");
    RuleBook second = RuleBook.load(Path.of("rules"), "rules", cache);
    Random random = new Random(11);
    for (int i = 0; i < 40; i++) {
      Proposal p = EvaluatorTest.randomProposal(random, "c" + i);
      Evaluation expected = new Evaluator(compiled).evaluate(p);
      assertEquals(expected, new Evaluator(first).evaluate(p));
      assertEquals(expected, new Evaluator(second).evaluate(p));
    }
  }

  @Test
  void theKeyFollowsTheContentOfTheRules(@TempDir Path dir) throws IOException {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    for (String f : List.of("vocabulary.yaml", "alpha.drl", "beta.drl")) {
      Files.copy(Path.of("src/test/resources/mini/rules", f), rules.resolve(f));
    }
    String before = CompiledCache.key(rules, "rules");
    assertEquals(before, CompiledCache.key(rules, "rules"));
    Files.writeString(rules.resolve("beta.drl"), Files.readString(rules.resolve("beta.drl")).replace("500000", "400000"));
    assertNotEquals(before, CompiledCache.key(rules, "rules"));
  }

  @Test
  void aCorruptCacheFileIsIgnored(@TempDir Path cache) throws Exception {
    RuleBook.load(Path.of("rules"), "rules", cache);
    for (Path f : files(cache)) {
      Files.writeString(f, "not a compiled rule base");
    }
    RuleBook book = RuleBook.load(Path.of("rules"), "rules", cache);
    assertTrue(book.constraints().size() > 100);
    assertEquals(Evaluation.class, new Evaluator(book).evaluate(Proposal.of("x", java.util.Map.of())).getClass());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".kbase")).toList();
    }
  }
}
