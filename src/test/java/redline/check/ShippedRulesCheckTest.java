package redline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.model.Diagnostic;
import redline.model.Kind;

/** The checker over the shipped {@code rules/}: any error fails the build. */
class ShippedRulesCheckTest {
  private static CheckReport report;

  @BeforeAll
  static void check() {
    report = Checker.standard().check(Path.of("rules"), "rules");
  }

  @Test
  void theShippedRulesHaveNoErrors() {
    String errors = report.errors().stream().map(Diagnostic::render).collect(Collectors.joining("\n"));
    assertFalse(report.hasErrors(), "redline check rules/ found errors:\n" + errors);
  }

  @Test
  void everyStageRanInOrder() {
    assertEquals(
        List.of("compile", "metadata", "vocabulary", "constraints", "party", "conflicts", "dates"),
        report.stages().stream().map(CheckReport.StageRun::name).toList());
    assertTrue(report.stages().stream().allMatch(CheckReport.StageRun::ran), report.stages().toString());
  }

  /** Clean on every day the positions change: no error or warning, at the latest or any earlier date. */
  @Test
  void theShippedRulesAreCleanAtEveryChangeDate() throws Exception {
    String found =
        report.diagnostics().stream()
            .filter(d -> d.severity() != redline.model.Severity.NOTE)
            .map(Diagnostic::render)
            .collect(Collectors.joining("\n"));
    assertTrue(found.isEmpty(), found);
    redline.engine.RuleBook book = redline.engine.RuleBook.load(Path.of("rules"));
    assertTrue(report.datesChecked().containsAll(book.changeDates()), report.datesChecked().toString());
    assertEquals(book.changeDates().size() + 1, report.datesChecked().size());
  }

  @Test
  void everyConstraintIsAnalysed() {
    assertFalse(report.constraints().isEmpty());
    for (ConstraintAnalysis a : report.constraints()) {
      assertTrue(a.canBreak() && a.canSatisfy(), a.id());
      assertEquals(a.constraint().reads().size(), a.forbids().size(), a.id());
    }
  }

  @Test
  void conflictsAreRedLinesOfSeveralPartiesAndNoPartyContradictsItself() {
    assertTrue(report.partyContradictions().isEmpty(), () -> report.partyContradictions().toString());
    for (Conflict c : report.crossPartyConflicts()) {
      assertTrue(c.parties().size() > 1, c.ids().toString());
      assertTrue(c.redLines().stream().allMatch(a -> a.constraint().kind() == Kind.RED_LINE), c.ids().toString());
    }
  }

  @Test
  void theCommandExitsZeroAndPrintsTheConflictMap() {
    CheckRun run = CheckRun.of("rules");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("Conflict map"), run.out());
    assertTrue(run.out().contains("Result: 0 errors"), run.out());
  }
}
