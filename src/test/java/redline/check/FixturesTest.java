package redline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redline.model.Diagnostic;
import redline.model.Severity;

/**
 * One fixture rules folder per injected fault under {@code src/test/resources/check/}: each
 * stage finds what it should, at the right file, line and column, with the right exit code.
 */
class FixturesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The fixture, the diagnostics expected (code@file:line:col, separated by spaces, notes left
   * out) and the exit code of {@code redline check}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "typo-term,           unknown-term@a.drl:16:15,                                    3",
    "typo-option,         unknown-option@a.drl:16:33,                                  3",
    "missing-metadata,    missing-metadata@a.drl:7:1,                                  3",
    "bad-date,            invalid-date@a.drl:14:5,                                     3",
    "duplicate-id,        duplicate-id@a.drl:20:1,                                     3",
    "unknown-source,      unknown-source@a.drl:12:5,                                   3",
    "compile-error,       unsupported-condition@a.drl:29:15,                           3",
    "syntax-error,        drl-syntax@a.drl:19:1,                                       3",
    "never-broken,        never-broken@a.drl:20:1,                                     3",
    "always-broken,       always-broken@a.drl:20:1,                                    3",
    "party-contradiction, party-contradiction@a.drl:7:1,                               3",
    "duplicate-subsumed,  duplicate-constraint@a.drl:20:1 duplicate-constraint@a.drl:46:1 subsumed-constraint@a.drl:33:1 subsumed-constraint@a.drl:46:1, 0",
    "unused-term,         unused-term@vocabulary.yaml:15:5,                            0",
    "cross-party,         '',                                                          0",
    "coherence-faults,    never-broken@beta.drl:44:1 coherence-excludes-nothing@coherence.drl:16:1, 3",
    "coherence-excludes-all, coherence-excludes-all@coherence.drl:5:1,                  3",
    "misplaced-coherence, misplaced-coherence@coherence.drl:7:5,                       3",
    "dated-bad,           invalid-from@a.drl:15:5 empty-validity@a.drl:29:5 unknown-supersedes@a.drl:34:1 validity-gap@a.drl:61:1 validity-overlap@a.drl:88:1 superseded-still-in-force@a.drl:102:1 supersedes-other-party@a.drl:128:1 no-successor@a.drl:142:1 supersedes-without-from@a.drl:163:5, 3",
    "dated-conflict,      '',                                                          0",
    "condition-forms,     unknown-option@a.drl:17:33 unknown-option@a.drl:30:42 unknown-option@a.drl:43:36 unsupported-condition@a.drl:56:5 unsupported-condition@a.drl:69:42 unsupported-condition@a.drl:82:5 unsupported-condition@a.drl:95:5 unsupported-condition@a.drl:108:5 unsupported-condition@a.drl:121:5 wrong-type@a.drl:134:26 unsupported-condition@a.drl:147:15 unsupported-condition@a.drl:160:15 wrong-operator@a.drl:173:32 unknown-fact@a.drl:186:5, 3",
  })
  void eachFaultIsFoundAtItsFileAndLine(String fixture, String expected, int exit) {
    String folder = CheckRun.FIXTURES + fixture;
    CheckReport report = Checker.standard().check(Path.of(folder));
    List<String> found = new ArrayList<>();
    for (Diagnostic d : report.diagnostics()) {
      if (d.severity() != Severity.NOTE) {
        String file = d.at().file().startsWith(folder + "/") ? d.at().file().substring(folder.length() + 1) : d.at().file();
        found.add(d.code() + "@" + file + ":" + d.at().line() + ":" + d.at().column());
      }
    }
    List<String> wanted = expected.isBlank() ? List.of() : Arrays.asList(expected.trim().split("\\s+"));
    assertEquals(new TreeSet<>(wanted), new TreeSet<>(found), report.diagnostics().toString());

    CheckRun run = CheckRun.of(folder);
    assertEquals(exit, run.exit(), run.out() + run.err());
    for (String w : wanted) {
      String code = w.substring(0, w.indexOf('@'));
      String where = folder + "/" + w.substring(w.indexOf('@') + 1);
      assertTrue(run.out().contains(where + ": ") || run.out().contains(where + " /"), "no `" + where + "` in\n" + run.out());
      assertTrue(run.out().contains("[" + code + "]"), run.out());
    }
  }

  @Test
  void misspeltTermsAndOptionsGetADidYouMean() {
    assertTrue(CheckRun.of(CheckRun.FIXTURES + "typo-term").out().contains("did you mean `nato_accession`?"));
    assertTrue(CheckRun.of(CheckRun.FIXTURES + "typo-option").out().contains("did you mean `RENOUNCED`?"));
  }

  @Test
  void theReasoningStagesAreSkippedWhenTheRulesHaveErrors() {
    CheckReport report = Checker.standard().check(Path.of(CheckRun.FIXTURES + "typo-term"));
    assertEquals(
        List.of(true, true, true, false, false, false),
        report.stages().stream().map(CheckReport.StageRun::ran).toList());
    assertTrue(report.constraints().isEmpty());
  }

  @Test
  void aSelfContradictingPartyNamesItsRedLines() {
    CheckReport report = Checker.standard().check(Path.of(CheckRun.FIXTURES + "party-contradiction"));
    assertEquals(1, report.partyContradictions().size());
    assertEquals(List.of("AA-01", "AA-03"), report.partyContradictions().get(0).ids());
    assertTrue(report.crossPartyConflicts().isEmpty());
  }

  @Test
  void theCrossPartyConflictIsInTheJsonConflictMap() throws Exception {
    CheckRun run = CheckRun.of(CheckRun.FIXTURES + "cross-party", "--format", "json");
    assertEquals(0, run.exit(), run.err());
    JsonNode root = JSON.readTree(run.out());
    assertTrue(root.get("ok").asBoolean());
    assertEquals(2, root.get("summary").get("conflicts").asInt());
    JsonNode map = root.get("conflictMap");
    assertEquals(List.of("nato_accession", "army_cap"), iterableNames(map));
    JsonNode nato = root.get("conflicts").get(map.get("nato_accession").get(0).asInt() - 1);
    assertEquals("[\"AA\",\"BB\"]", nato.get("parties").toString());
    JsonNode lines = nato.get("redLines");
    assertEquals("AA-01", lines.get(0).get("id").asText());
    assertEquals("[\"OPEN\",\"CONSENSUS_DEPENDENT\"]", lines.get(0).get("forbids").get("nato_accession").get("values").toString());
    assertEquals("BB-01", lines.get(1).get("id").asText());
    assertEquals("[\"RENOUNCED\"]", lines.get(1).get("forbids").get("nato_accession").get("values").toString());
    JsonNode army = root.get("conflicts").get(map.get("army_cap").get(0).asInt() - 1);
    assertEquals("[\"250001 or more\",\"NONE\"]", army.get("redLines").get(0).get("forbids").get("army_cap").get("values").toString());
    assertEquals("[\"at most 599999\"]", army.get("redLines").get(1).get("forbids").get("army_cap").get("values").toString());
  }

  @Test
  void aConflictThatHoldsOnlyBetweenTwoDatesIsReportedWithThem() throws Exception {
    CheckReport report = Checker.standard().check(Path.of(CheckRun.FIXTURES + "dated-conflict"));
    assertTrue(report.crossPartyConflicts().isEmpty(), "no conflict in the latest positions");
    List<Diagnostic> dated = report.stages().stream().filter(r -> r.name().equals("dates")).findFirst().orElseThrow().diagnostics();
    assertEquals(1, dated.size(), dated.toString());
    assertEquals("red-line-conflict", dated.get(0).code());
    assertTrue(dated.get(0).message().endsWith("(in the positions from 2025-12-14 until 2026-01-06)"), dated.get(0).message());
    CheckRun text = CheckRun.of(CheckRun.FIXTURES + "dated-conflict");
    assertTrue(text.out().contains("from 2025-12-14 until 2026-01-06"), text.out());
    JsonNode root = JSON.readTree(CheckRun.of(CheckRun.FIXTURES + "dated-conflict", "--format", "json").out());
    assertEquals("[\"2025-12-13\",\"2025-12-14\",\"2026-01-06\"]", root.get("datesChecked").toString());
    assertEquals("2026-01-06", root.get("positions").get("asOf").asText());
    // checked on one day only, the conflict is in the map
    CheckReport onDay = Checker.standard().check(Path.of(CheckRun.FIXTURES + "dated-conflict"), CheckRun.FIXTURES + "dated-conflict", java.time.LocalDate.of(2025, 12, 20));
    assertEquals(1, onDay.crossPartyConflicts().size());
    assertEquals(List.of(java.time.LocalDate.of(2025, 12, 20)), onDay.datesChecked());
  }

  @Test
  void jsonOfFailingRulesSaysNotOkAndExitsThree() throws Exception {
    CheckRun run = CheckRun.of(CheckRun.FIXTURES + "bad-date", "--format", "json");
    assertEquals(3, run.exit());
    JsonNode root = JSON.readTree(run.out());
    assertFalse(root.get("ok").asBoolean());
    assertEquals("invalid-date", root.get("diagnostics").get(0).get("code").asText());
  }

  @Test
  void sarifLocatesEachResultByFileLineAndColumn() throws Exception {
    CheckRun run = CheckRun.of(CheckRun.FIXTURES + "typo-option", "--format", "sarif");
    assertEquals(3, run.exit());
    JsonNode root = JSON.readTree(run.out());
    assertEquals("2.1.0", root.get("version").asText());
    JsonNode runNode = root.get("runs").get(0);
    assertEquals("redline", runNode.get("tool").get("driver").get("name").asText());
    assertEquals("unknown-option", runNode.get("tool").get("driver").get("rules").get(0).get("id").asText());
    JsonNode result = runNode.get("results").get(0);
    assertEquals("unknown-option", result.get("ruleId").asText());
    assertEquals("error", result.get("level").asText());
    JsonNode location = result.get("locations").get(0).get("physicalLocation");
    assertEquals(CheckRun.FIXTURES + "typo-option/a.drl", location.get("artifactLocation").get("uri").asText());
    assertEquals(16, location.get("region").get("startLine").asInt());
    assertEquals(33, location.get("region").get("startColumn").asInt());
  }

  @Test
  void maxErrorsCapsTheDiagnosticsShown() {
    CheckRun run = CheckRun.of(CheckRun.FIXTURES + "duplicate-subsumed", "--max-errors", "1");
    assertEquals(0, run.exit());
    assertTrue(run.out().contains("... and 3 more (raise --max-errors to see them)"), run.out());
    assertEquals(2, CheckRun.of(CheckRun.FIXTURES + "duplicate-subsumed", "--max-errors", "-1").exit());
  }

  @Test
  void aMissingFolderIsAnError() {
    CheckRun run = CheckRun.of(CheckRun.FIXTURES + "no-such-folder");
    assertEquals(3, run.exit());
    assertTrue(run.out().contains("[no-rules-folder]"), run.out());
  }

  private static List<String> iterableNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
