package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redline.engine.RuleBook;
import redline.engine.RulesException;

/** The rules loaded while picocli reads the command line serve only the command that asked for exactly them. */
class PrefetchTest {
  private static final Path MINI = Path.of("src/test/resources/mini/rules");

  @Test
  void theRulesStartedForACommandAreTheRulesItLoads() throws Exception {
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    RuleBook got = Prefetch.take(MINI, Common.cacheDir());
    assertNotNull(got);
    RuleBook loaded = Prefetch.load(MINI, Common.cacheDir());
    assertEquals(loaded.constraints(), got.constraints());
    assertEquals(loaded.vocabulary(), got.vocabulary());
    assertNull(Prefetch.take(MINI, Common.cacheDir()), "taken once");
  }

  @Test
  void theFormWithAnEqualsSignIsRead() throws Exception {
    Prefetch.start(new String[] {"test", "--rules=" + MINI, "cases"});
    assertNotNull(Prefetch.take(MINI, Common.cacheDir()));
  }

  @Test
  void anotherFolderOrCacheTakesNothing() throws Exception {
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    assertNull(Prefetch.take(Path.of("rules"), Common.cacheDir()));
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "x.json"});
    assertNull(Prefetch.take(MINI, Path.of("elsewhere")));
  }

  @Test
  void nothingStartsForACommandThatLoadsNoRulesOrAnAmbiguousLine() throws Exception {
    Prefetch.start(new String[] {"new", "--rules", MINI.toString()});
    assertNull(Prefetch.take(MINI, Common.cacheDir()));
    Prefetch.start(new String[] {"evaluate", "--rules", MINI.toString(), "--rules", "rules", "x.json"});
    assertNull(Prefetch.take(MINI, Common.cacheDir()));
    assertNull(Prefetch.take(Path.of("rules"), Common.cacheDir()));
    Prefetch.start(new String[0]);
    assertNull(Prefetch.take(Common.rulesDir(null), Common.cacheDir()));
  }

  @Test
  void rulesThatFailToLoadFailAsTheyWouldHaveLoadingThemThen() throws Exception {
    Path missing = Path.of("src/test/resources/no-such-rules");
    RulesException direct = assertThrows(RulesException.class, () -> Prefetch.load(missing, Common.cacheDir()));
    Prefetch.start(new String[] {"evaluate", "--rules", missing.toString(), "x.json"});
    RulesException prefetched = assertThrows(RulesException.class, () -> Prefetch.take(missing, Common.cacheDir()));
    assertEquals(direct.diagnostics(), prefetched.diagnostics());
  }
}
