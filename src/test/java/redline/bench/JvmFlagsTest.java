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
import org.junit.jupiter.api.io.TempDir;

/** bin/redline and the bench choose the same JVM flags per subcommand and size of the rules. */
class JvmFlagsTest {
  private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", Bench.C1_ONLY, Bench.SMALL_YOUNG, "-XX:-UsePerfData", "-Xshare:auto");
  private static final List<String> FULL = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto");
  private static final List<String> C1 = List.of("-XX:+UseSerialGC", Bench.C1_ONLY, "-XX:-UsePerfData", "-Xshare:auto");

  @Test
  void longRunningCommandsGetFullTieringShortOnesStopAtC1() {
    for (String c : List.of("serve", "bench")) {
      assertEquals(FULL, Bench.flagsFor(FLAGS, List.of(c)), c);
    }
    for (String c : List.of("evaluate", "test", "brief", "compare", "new", "schema", "history")) {
      assertEquals(FLAGS, Bench.flagsFor(FLAGS, List.of(c, "x.json")), c);
    }
    assertEquals(C1, Bench.flagsFor(FLAGS, List.of("table", "cases")));
  }

  @Test
  void searchesStopAtC1OnSmallRulesOnly(@TempDir Path dir) throws Exception {
    Path small = Files.createDirectories(dir.resolve("small"));
    Files.writeString(small.resolve("a.drl"), "x".repeat(1000));
    Path large = Files.createDirectories(dir.resolve("large"));
    Files.writeString(large.resolve("a.drl"), "x".repeat((int) Bench.SMALL_RULES));
    Files.writeString(large.resolve("notes.txt"), "not counted");
    for (String c : Bench.SIZED) {
      assertEquals(C1, Bench.flagsFor(FLAGS, List.of(c, "--rules", small.toString())), c);
      assertEquals(C1, Bench.flagsFor(FLAGS, List.of(c, "--rules=" + small)), c);
      assertEquals(FULL, Bench.flagsFor(FLAGS, List.of(c, "--rules", large.toString(), "x.json")), c);
    }
    assertTrue(Bench.ruleBytes(List.of("check", "--rules", "rules")) < Bench.SMALL_RULES, "the shipped rules are small");
  }

  @Test
  void binRedlineListsTheSameCommandsAndLimit() throws Exception {
    String script = Files.readString(Path.of("bin/redline"));
    Matcher m = Pattern.compile("(?m)^\\s*([a-z|]+)\\) (drop|if)").matcher(script);
    assertTrue(m.find(), "bin/redline has no full-tiering case");
    assertEquals(Bench.FULL_TIERING, Set.of(m.group(1).split("\\|")));
    assertTrue(m.find(), "bin/redline has no sized case");
    assertEquals(Bench.SIZED, Set.of(m.group(1).split("\\|")));
    assertTrue(m.find(), "bin/redline has no default-heap case");
    assertEquals(Bench.DEFAULT_HEAP, Set.of(m.group(1).split("\\|")));
    assertTrue(script.contains("SMALL_RULES=" + Bench.SMALL_RULES + "\n"));
    assertTrue(script.contains(Bench.C1_ONLY));
    assertTrue(script.contains(Bench.SMALL_YOUNG));
  }
}
