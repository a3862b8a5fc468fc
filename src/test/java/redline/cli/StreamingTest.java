package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code evaluate --format json} streams: a batch whose evaluations together need far more than
 * the heap (about 90 kB of JSON and its objects per proposal with the shipped rules) runs in a
 * small fixed heap. Measured by hand: 50,000 proposals in a 256 MB heap (373 MB resident).
 */
class StreamingTest {
  @Test
  void aLargeJsonBatchRunsInASmallHeap(@TempDir Path tmp) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode kase = (ObjectNode) json.readTree(Path.of("cases/us-28-point-plan.json").toFile());
    kase.remove("expect");
    int n = 1500;
    for (int i = 0; i < n; i++) {
      kase.put("id", "p" + i);
      Files.writeString(tmp.resolve(String.format("p%05d.json", i)), json.writeValueAsString(kase));
    }
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx160m",
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "evaluate",
                    "--rules",
                    "rules",
                    "--format",
                    "json",
                    tmp.toString()))
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "did not finish");
    assertEquals(0, p.exitValue(), err);
  }
}
