package redline.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import redline.engine.RuleBook;
import redline.model.Diagnostic;
import redline.model.Kind;
import redline.model.Verdict;
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

  /**
   * Each party's own texts, judged on their own dates, are not rejected by that party; where the
   * model says otherwise, the case's notes say why (they name the verdict and the word "own").
   */
  @Test
  void eachPartysOwnTextsAreNotRejectedByItOnTheirOwnDates() throws Exception {
    Map<String, List<String>> own =
        Map.of(
            "RU", List.of("russian-memorandum-2025"),
            "UA", List.of("ukrainian-memorandum-2025", "twenty-point-framework"),
            "EU", List.of("e3-counter-draft", "berlin-joint-statement"),
            "COW", List.of("paris-declaration"));
    CaseRunner.Run run = run();
    List<String> problems = new java.util.ArrayList<>();
    own.forEach(
        (party, ids) -> {
          for (String id : ids) {
            CaseResult r =
                run.results().stream().filter(x -> x.testCase().proposal().id().equals(id)).findFirst().orElse(null);
            if (r == null) {
              problems.add(id + ": no such case");
              continue;
            }
            Verdict v = r.evaluation().party(party).orElseThrow().verdict();
            assertEquals(r.testCase().day(), r.evaluation().positions().day(), id + " runs at its own date");
            String notes = r.testCase().notes();
            if (v == Verdict.REJECTS && !(notes.contains("REJECTS its own") || notes.contains("rejects its own"))) {
              problems.add(party + " rejects its own text " + id + " on " + r.evaluation().positions().dayText() + " and the case does not say why");
            }
          }
        });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  @Test
  void theCasesFolderExists() throws IOException {
    assertFalse(!Files.isDirectory(CASES));
  }
}
