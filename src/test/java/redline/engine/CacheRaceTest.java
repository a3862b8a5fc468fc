package redline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.cli.Main;

/**
 * Many processes share one compiled-rules cache while a rule file flips between two versions:
 * every verdict matches the version that process read (its title says which), and no process
 * fails. Before the key was computed from the bytes parsed, most rounds served stale rules.
 */
class CacheRaceTest {
  static final ObjectMapper JSON = new ObjectMapper();

  static void flip(Path rules, String content) throws java.io.IOException {
    Path tmp = rules.resolve(".alpha.tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, rules.resolve("alpha.drl"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  static Process start(Path cache, Path rules, Path proposal) throws java.io.IOException {
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Dredline.cache=" + cache,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "evaluate",
            "--rules",
            rules.toString(),
            "--format",
            "json",
            proposal.toString())
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /**
   * Checks one process: exit 0, and AA-01's outcome is the one of the version its title names
   * (and that version is {@code expected}, when given); returns 0 for version A, 1 for B.
   */
  static int check(Process p, String expected) throws Exception {
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    JsonNode rule = null;
    for (JsonNode party : JSON.readTree(out).get("evaluations").get(0).get("parties")) {
      for (JsonNode c : party.get("constraints")) {
        if (c.get("id").asText().equals("AA-01")) {
          rule = c;
        }
      }
    }
    String title = rule.get("title").asText();
    assertEquals(title.equals("version A") ? "BROKEN" : "SATISFIED", rule.get("status").asText(), "verdict of the other version: " + rule);
    if (expected != null) {
      assertEquals(expected, title, "the rules on disk are " + expected + ", the cache served the other version");
    }
    return title.equals("version A") ? 0 : 1;
  }

  @Test
  void everyProcessGetsTheVerdictOfTheRulesItRead(@TempDir Path dir) throws Exception {
    Path rules = CompiledCacheTest.copyOfMini(dir.resolve("rules"));
    Path cache = dir.resolve("cache");
    String original = Files.readString(rules.resolve("alpha.drl"));
    // version A breaks AA-01 on OPEN, version B on RENOUNCED; the proposal is OPEN
    String a = original.replace("@title(\"the alliance door must close\")", "@title(\"version A\")");
    String b = a.replace("@title(\"version A\")", "@title(\"version B\")").replace("Proposal( alliance == \"OPEN\" )", "Proposal( alliance == \"RENOUNCED\" )");
    Path proposal = Files.writeString(dir.resolve("p.json"), "{\"id\": \"p\", \"terms\": {\"alliance\": \"OPEN\"}}");
    Files.writeString(rules.resolve("alpha.drl"), a);
    int rounds = 2;
    int width = 4;
    int[] seen = new int[2];
    for (int round = 0; round < rounds; round++) {
      AtomicBoolean stop = new AtomicBoolean();
      Thread toggler =
          new Thread(
              () -> {
                int i = 0;
                while (!stop.get()) {
                  try {
                    flip(rules, i++ % 2 == 0 ? b : a);
                    Thread.sleep(7);
                  } catch (Exception e) {
                    return;
                  }
                }
              });
      toggler.start();
      List<Process> running = new ArrayList<>();
      try {
        for (int k = 0; k < width; k++) {
          running.add(start(cache, rules, proposal));
        }
        for (Process p : running) {
          seen[check(p, null)]++;
        }
      } finally {
        stop.set(true);
        toggler.join();
      }
      // with the file still, each version must be served as itself: a stale entry written
      // under the wrong key would show the other version here
      for (String version : List.of(a, b)) {
        flip(rules, version);
        check(start(cache, rules, proposal), version == a ? "version A" : "version B");
      }
    }
    assertEquals(rounds * width, seen[0] + seen[1]);
  }
}
