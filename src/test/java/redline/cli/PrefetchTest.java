package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.engine.RuleBook;

/** The rules read while picocli reads the command line serve only the command that asked for exactly them. */
class PrefetchTest {
  private static final Path MINI = Path.of("src/test/resources/mini/rules");

  @TempDir Path cache;

  @BeforeEach
  void useACache() {
    System.setProperty("redline.cache", cache.toString());
  }

  @AfterEach
  void noCache() {
    System.clearProperty("redline.cache");
    Prefetch.take(Path.of("none"), cache); // nothing left for another test
    Prefetch.awaitLast(); // nor a reading still writing into this test's cache
  }

  @Test
  void theRulesStartedForACommandAreTheRulesItReads() throws Exception {
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    RuleBook.Prepared got = Prefetch.take(MINI, cache);
    assertNotNull(got);
    RuleBook prefetched = RuleBook.of(MINI.toString(), got);
    RuleBook loaded = RuleBook.load(MINI, MINI.toString(), cache);
    assertEquals(loaded.constraints(), prefetched.constraints());
    assertEquals(loaded.vocabulary(), prefetched.vocabulary());
    assertNull(Prefetch.take(MINI, cache), "taken once");
  }

  @Test
  void theFormWithAnEqualsSignIsRead() {
    Prefetch.start(new String[] {"test", "--format", "json", "--rules=" + MINI, "cases"});
    assertNotNull(Prefetch.take(MINI, cache));
  }

  @Test
  void checkIsPrefetchedUnlessItsFolderIsGivenAsAWord() {
    Prefetch.start(new String[] {"check", "--format", "json", "--rules", MINI.toString()});
    assertNotNull(Prefetch.take(MINI, cache));
    Prefetch.start(new String[] {"check", "--max-errors", "3", MINI.toString()});
    assertNull(Prefetch.take(Common.rulesDir(null), cache), "the default folder is not guessed");
  }

  @Test
  void aPrefetchedCheckReportsWhatACheckReadingItsOwnRulesReports() {
    Path shipped = Path.of("rules");
    Prefetch.start(new String[] {"check", "--rules", shipped.toString()});
    RuleBook.Prepared p = Prefetch.take(shipped, cache);
    assertNotNull(p);
    assertEquals(
        redline.check.Checker.standard().check(shipped, shipped.toString(), null, cache),
        redline.check.Checker.standard().check(shipped, shipped.toString(), null, cache, p));
  }

  @Test
  void anotherFolderOrCacheTakesNothing() {
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    assertNull(Prefetch.take(Path.of("rules"), cache));
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    assertNull(Prefetch.take(MINI, cache.resolve("elsewhere")));
  }

  @Test
  void nothingStartsForACommandThatReadsNoRulesOrAnAmbiguousLineOrWithoutACache() {
    Prefetch.start(new String[] {"new", "--rules", MINI.toString()});
    assertNull(Prefetch.take(MINI, cache));
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "--rules", "rules", "x.json"});
    assertNull(Prefetch.take(MINI, cache));
    Prefetch.start(new String[0]);
    assertNull(Prefetch.take(Common.rulesDir(null), cache));
    System.clearProperty("redline.cache");
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    assertNull(Prefetch.take(MINI, cache));
  }

  @Test
  void rulesThatFailToLoadFailAsTheyWouldHaveLoadingThemThen() {
    Path missing = Path.of("src/test/resources/no-such-rules");
    Prefetch.start(new String[] {"evaluate", "--rules", missing.toString(), "x.json"});
    RuleBook.Prepared p = Prefetch.take(missing, cache);
    assertNotNull(p);
    assertEquals(RuleBook.prepare(missing, missing.toString(), cache).loaded().diagnostics(), p.loaded().diagnostics());
  }
}
