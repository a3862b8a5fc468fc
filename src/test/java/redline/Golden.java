package redline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden-file comparison: the actual text must equal the expected file byte for byte (line
 * endings normalised). Expected files are rewritten only when the system property {@code
 * golden.update} is {@code true} ({@code mvn verify -Dgolden.update=true}).
 */
public final class Golden {
  private Golden() {}

  /** True when goldens are being regenerated. */
  public static boolean updating() {
    return Boolean.getBoolean("golden.update");
  }

  /** Asserts that {@code actual} equals the content of {@code expected}, or rewrites it. */
  public static void check(Path expected, String actual) throws IOException {
    String normal = actual.replace("\r\n", "\n");
    if (updating()) {
      Files.createDirectories(expected.getParent());
      Files.writeString(expected, normal, StandardCharsets.UTF_8);
      return;
    }
    if (!Files.exists(expected)) {
      throw new AssertionError("no golden file " + expected + "; run mvn verify -Dgolden.update=true to create it");
    }
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8).replace("\r\n", "\n"), normal, "golden file " + expected);
  }
}
