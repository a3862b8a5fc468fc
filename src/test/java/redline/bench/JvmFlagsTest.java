package redline.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** bin/redline and the bench choose the same JVM flags per subcommand. */
class JvmFlagsTest {
  private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", Bench.C1_ONLY, Bench.SMALL_YOUNG, "-XX:-UsePerfData", "-Xshare:auto");

  @Test
  void longCommandsGetFullTieringShortOnesStopAtC1() {
    for (String c : List.of("check", "explore", "nearest", "serve", "bench")) {
      assertEquals(List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto"), Bench.flagsFor(FLAGS, c), c);
    }
    for (String c : List.of("evaluate", "test", "brief", "compare", "new", "schema", "history")) {
      assertEquals(FLAGS, Bench.flagsFor(FLAGS, c), c);
    }
    assertEquals(List.of("-XX:+UseSerialGC", Bench.C1_ONLY, "-XX:-UsePerfData", "-Xshare:auto"), Bench.flagsFor(FLAGS, "table"));
  }

  @Test
  void binRedlineListsTheSameFullTieringCommands() throws Exception {
    String script = Files.readString(Path.of("bin/redline"));
    Matcher m = Pattern.compile("(?m)^\\s*([a-z|]+)\\) run=\\(\\);").matcher(script);
    assertTrue(m.find(), "bin/redline has no full-tiering case");
    assertEquals(Bench.FULL_TIERING, Set.of(m.group(1).split("\\|")));
    assertTrue(m.find(), "bin/redline has no default-heap case");
    assertEquals(Bench.DEFAULT_HEAP, Set.of(m.group(1).split("\\|")));
    assertTrue(script.contains(Bench.C1_ONLY));
    assertTrue(script.contains(Bench.SMALL_YOUNG));
  }
}
