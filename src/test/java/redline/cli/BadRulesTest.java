package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import redline.Cli;
import redline.Golden;

/**
 * Each broken rules folder under {@code src/test/resources/bad-rules} (a compile error, bad
 * metadata, unknown terms and options, no rules, a rule that loops, a rule that throws) gives
 * located errors and exit code 3, never a stack trace; {@code expected.txt} holds the transcript.
 */
class BadRulesTest {
  static final Path DIR = Path.of("src/test/resources/bad-rules");

  @TestFactory
  Stream<DynamicTest> eachBrokenRulesFolderFailsClearly() throws IOException {
    List<Path> folders;
    try (Stream<Path> s = Files.list(DIR)) {
      folders = s.filter(Files::isDirectory).sorted().toList();
    }
    return folders.stream()
        .map(
            dir ->
                DynamicTest.dynamicTest(
                    dir.getFileName().toString(),
                    () -> {
                      Cli r = Cli.run("evaluate", "--rules", dir.toString(), "--color", "never", "src/test/resources/mini/proposals/open.json");
                      assertEquals(3, r.exit(), r.transcript());
                      assertFalse(r.err().contains("\tat "), r.transcript());
                      Golden.check(dir.resolve("expected.txt"), r.transcript());
                    }));
  }
}
