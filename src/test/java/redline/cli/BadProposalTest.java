package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;
import redline.Golden;

/**
 * Every malformed proposal under {@code src/test/resources/bad-proposals} gets its clear,
 * located errors and exit code 2, never a stack trace; the expected transcript sits beside each
 * input as {@code <name>.expected}.
 */
class BadProposalTest {
  static final Path DIR = Path.of("src/test/resources/bad-proposals");
  static final String RULES = "src/test/resources/mini/rules";

  @TestFactory
  Stream<DynamicTest> eachBadProposalHasItsErrorsAndExitCode() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(DIR)) {
      inputs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return inputs.stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () -> {
                      Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", input.toString());
                      assertEquals(2, r.exit(), r.transcript());
                      assertFalse(r.err().contains("Exception"), r.transcript());
                      assertFalse(r.err().contains("\tat "), r.transcript());
                      Golden.check(expected(input), r.transcript());
                    }));
  }

  @Test
  void everyExpectedFileHasItsInput() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".expected")).toList()) {
        String name = p.getFileName().toString().replace(".expected", ".json");
        assertTrue(Files.exists(DIR.resolve(name)), "golden file without input: " + p);
      }
    }
  }

  @Test
  void aHugeFileIsRefused(@TempDir Path tmp) throws IOException {
    Path huge = tmp.resolve("huge.json");
    StringBuilder sb = new StringBuilder("{\"terms\": {}, \"notes\": \"");
    sb.append("x".repeat(2 << 20)).append("\"}");
    Files.writeString(huge, sb, StandardCharsets.UTF_8);
    Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", huge.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("error [file-too-large]: file is too large"), r.err());
  }

  @Test
  void aMissingFileIsBadInput() {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", "no/such/file.json");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("no/such/file.json: error [file-not-found]: no such file `no/such/file.json`"), r.err());
  }

  @Test
  void jsonFormatReportsErrorsAsJson() {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--format", "json", DIR.resolve("invalid-option.json").toString());
    assertEquals(2, r.exit());
    assertTrue(r.out().contains("\"code\" : \"invalid-option\""), r.out());
    assertTrue(r.out().contains("\"pointer\" : \"/terms/alliance\""), r.out());
  }

  @Test
  void anUnknownPartyIsBadInput() {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--party", "AB", "--color", "never", "src/test/resources/mini/proposals/complete.json");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown party `AB`"), r.err());
  }

  private static Path expected(Path input) {
    return input.resolveSibling(input.getFileName().toString().replace(".json", ".expected"));
  }
}
