package redline.cases;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import redline.engine.RuleBook;
import redline.model.Diagnostic;
import redline.report.CaseReport;

/**
 * Every case under {@code cases/} as its own JUnit test, through the same runner as {@code
 * redline test}: a case that fails fails the build. Also: the cases exercise every red line both
 * ways.
 */
class CasesTest {
  static final Path CASES = Path.of("cases");

  static CaseRunner.Run run() throws Exception {
    RuleBook book = RuleBook.load(Path.of("rules"));
    List<Path> files;
    try (Stream<Path> s = Files.walk(CASES)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return new CaseRunner(book).run(files);
  }

  @TestFactory
  Stream<DynamicNode> everyShippedCasePasses() throws Exception {
    CaseRunner.Run run = run();
    Stream<DynamicNode> malformed =
        run.problems().stream()
            .filter(Diagnostic::isError)
            .map(d -> DynamicTest.dynamicTest("malformed " + d.at().file(), () -> {
              throw new AssertionError(d.render());
            }));
    Stream<DynamicNode> cases =
        run.results().stream()
            .map(
                r ->
                    DynamicTest.dynamicTest(
                        r.testCase().file() + ": " + r.testCase().proposal().id(),
                        () -> assertTrue(r.passed(), () -> "\n" + CaseReport.failureText(r))));
    return Stream.concat(malformed, cases);
  }

  @Test
  void thereAreAtLeastTenCases() throws Exception {
    assertTrue(run().results().size() >= 10);
  }

  @Test
  void everyRedLineIsExercisedBothWays() throws Exception {
    CaseRunner.Run run = run();
    RuleBook book = RuleBook.load(Path.of("rules"));
    List<String> missing = Coverage.of(book, run.results()).redLinesNotBothWays();
    assertTrue(missing.isEmpty(), "red lines not exercised both ways: " + missing);
  }

  @Test
  void theCasesFolderExists() throws IOException {
    assertFalse(!Files.isDirectory(CASES));
  }
}
