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

  /**
   * The closed subset is enforced in every command that loads rules, before anything is
   * compiled: an action that would end the process, and an attribute that would switch a rule
   * off, fail each command with exit 3 and a located error.
   */
  @TestFactory
  Stream<DynamicTest> everyCommandRefusesRulesOutsideTheSubset() {
    String proposal = "src/test/resources/mini/proposals/open.json";
    String kase = "src/test/resources/mini/cases/open-door.json";
    return Stream.of("subset-action-exit", "subset-attribute-enabled", "subset-function")
        .flatMap(
            fixture -> {
              String dir = DIR.resolve(fixture).toString();
              return Stream.of(
                      new String[] {"evaluate", "--rules", dir, proposal},
                      new String[] {"test", "--rules", dir, kase},
                      new String[] {"check", dir},
                      new String[] {"explore", "--rules", dir},
                      new String[] {"nearest", "--rules", dir, proposal})
                  .map(
                      args ->
                          DynamicTest.dynamicTest(
                              fixture + ": " + args[0],
                              () -> {
                                Cli r = Cli.run(args);
                                assertEquals(3, r.exit(), r.transcript());
                                String code = fixture.startsWith("subset-action") ? "[rule-action]" : fixture.endsWith("function") ? "[drl-function]" : "[rule-attribute]";
                                assertTrue(r.out().contains(dir + "/alpha.drl:") || r.err().contains(dir + "/alpha.drl:"), r.transcript());
                                assertTrue((r.out() + r.err()).contains(code), r.transcript());
                                assertFalse(r.err().contains("\tat "), r.transcript());
                              }));
            });
  }
}
