package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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

/** Failing and malformed case fixtures: each gives its transcript and exit code (1 or 2). */
class BadCasesTest {
  static final Path DIR = Path.of("src/test/resources/bad-cases");
  static final String RULES = "src/test/resources/mini/rules";

  @TestFactory
  Stream<DynamicTest> eachBadCaseFailsAsExpected() throws IOException {
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
                      Cli r = Cli.run("test", "--rules", RULES, "--color", "never", input.toString());
                      boolean failing = Files.readString(input).contains("\"expect\"") && !input.toString().contains("malformed") && !input.toString().contains("unknown");
                      assertEquals(failing ? 1 : 2, r.exit(), r.transcript());
                      assertFalse(r.err().contains("\tat "), r.transcript());
                      Golden.check(input.resolveSibling(input.getFileName().toString().replace(".json", ".expected")), r.transcript());
                    }));
  }

  @Test
  void junitXmlAndJsonReportTheSameOutcome(@TempDir Path tmp) throws IOException {
    Path xml = tmp.resolve("report.xml");
    Cli r = Cli.run("test", "--rules", RULES, "--format", "json", "--junit-xml", xml.toString(), DIR.resolve("wrong-verdict.json").toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("\"status\" : \"FAIL\""), r.out());
    String report = Files.readString(xml);
    assertTrue(report.contains("<testsuite name=\"redline cases\" tests=\"1\" failures=\"1\" errors=\"0\">"), report);
    assertTrue(report.contains("AA verdict: expected ACCEPTS, actual REJECTS"), report);
  }

  @Test
  void shippedCasesPassWithTheClosingLine() {
    Cli r = Cli.run("test", "--color", "never", "--rules", "rules", "cases");
    assertEquals(0, r.exit(), r.transcript());
    assertTrue(r.out().matches("(?s).*\\n\\d+ passed, 0 failed\\n"), r.out());
  }

  @Test
  void minimumCoverageFailsBelowTheThreshold() {
    Cli r = Cli.run("test", "--color", "never", "--rules", RULES, "--min-coverage", "90", "src/test/resources/mini/cases");
    assertEquals(1, r.exit(), r.transcript());
    assertTrue(r.err().contains("is below the minimum of 90.0%"), r.transcript());
  }
}
