package redline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The text report of {@code redline check} on a fixture folder, compared with
 * {@code expected.txt} exactly; rewritten only with {@code -Dgolden.update=true}.
 */
class GoldenReportTest {
  @Test
  void theTextReportOfTheGoldenFixtureIsUnchanged() throws IOException {
    CheckRun run = CheckRun.of(CheckRun.FIXTURES + "golden");
    assertEquals(0, run.exit(), run.err());
    String actual = run.out().replace("\r\n", "\n");
    Path expected = Path.of(CheckRun.FIXTURES + "golden/expected.txt");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      throw new AssertionError("no golden file " + expected + "; run mvn verify -Dgolden.update=true to create it");
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"), actual, "golden file " + expected);
  }
}
