package redline.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import redline.model.Comparison;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Vocabulary;

/** The condition reader gives each comparison of the allowed forms, read by Drools' parsers. */
class ConditionReaderTest {
  private static final String FOLDER = "src/test/resources/check/condition-forms/";

  private static Vocabulary vocabulary() {
    VocabularyReader.Result v = VocabularyReader.read(Path.of(FOLDER + "vocabulary.yaml"), "vocabulary.yaml");
    return v.vocabulary();
  }

  private static RuleFileReader.Result read(String condition) {
    String drl =
        "package redline.rules;\nimport redline.model.Limit;\n"
            + "rule \"AA-01\" @party(\"AA\") @kind(\"red-line\") @title(\"t\") @stance(\"s\") @sources(\"S01\")"
            + " @evidence(\"I\") @asOf(\"2025-01-01\")\nwhen\n    " + condition + "\nthen\nend\n";
    return new RuleFileReader(vocabulary(), Map.of("S01", "a source")).read(drl, "a.drl");
  }

  private static List<String> comparisons(String condition) {
    RuleFileReader.Result r = read(condition);
    assertTrue(r.diagnostics().stream().noneMatch(Diagnostic::isError), r.diagnostics().toString());
    Constraint c = r.file().constraints().get(0);
    return c.comparisons().stream().map(x -> x.field() + " " + x.operator() + " " + x.literal()).collect(Collectors.toList());
  }

  @Test
  void everyAllowedFormGivesItsComparisons() {
    assertEquals(
        List.of("nato_accession != OPEN", "nato_accession != RENOUNCED"),
        comparisons("Proposal( nato_accession not in (\"OPEN\", \"RENOUNCED\") )"));
    assertEquals(
        List.of("guarantee contains FORCE", "army_cap_peacetime == true"),
        comparisons("Proposal( guarantee contains \"FORCE\" || army_cap_peacetime == true )"));
    assertEquals(
        List.of("army_cap >= 85000", "army_cap != Limit.NONE"),
        comparisons("Proposal( army_cap >= 85000 && army_cap != Limit.NONE )"));
    assertEquals(List.of("guarantee contains ART5"), comparisons("Proposal( \"ART5\" memberOf guarantee )"));
    assertEquals(List.of("neutrality != NONE"), comparisons("Proposal( !(neutrality == \"NONE\") )"));
    assertEquals(List.of("army_cap <= 600000"), comparisons("Proposal( !(army_cap > 600000) )"));
    assertEquals(List.of("guarantee not contains ART5"), comparisons("Proposal( guarantee not contains \"ART5\" )"));
    assertEquals(List.of("army_cap_peacetime == true"), comparisons("Proposal( army_cap_peacetime )"));
  }

  @Test
  void aConditionOverSeveralTermsReadsThemAll() {
    RuleFileReader.Result r = read("Proposal( nato_accession == \"RENOUNCED\", guarantee not contains \"ART5\" || army_cap < 600000 )");
    assertEquals(List.of("army_cap", "guarantee", "nato_accession"), List.copyOf(r.file().constraints().get(0).reads()));
  }

  @Test
  void aLiteralInsideAnOrIsCheckedAgainstItsOwnTerm() {
    RuleFileReader.Result r = read("Proposal( nato_accession == \"NONE\" || neutrality == \"NONE\" )");
    List<Diagnostic> errors = r.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    assertEquals("unknown-option", errors.get(0).code());
    assertTrue(errors.get(0).message().contains("`nato_accession`"), errors.get(0).message());
    assertEquals(5, errors.get(0).at().line());
  }

  @Test
  void aRefusedRuleIsNotHandedToTheCompiler() {
    RuleFileReader.Result r = read("Proposal( nato_accession.length() > 3 )");
    assertEquals(List.of("unsupported-condition"), r.diagnostics().stream().map(Diagnostic::code).toList());
    assertTrue(r.file().descr().getRules().isEmpty());
  }

  @Test
  void comparisonsKnowTheirFlags() {
    Comparison flag = read("Proposal( army_cap_peacetime == false )").file().constraints().get(0).comparisons().get(0);
    assertTrue(flag.isFlag());
    assertEquals("army_cap", flag.term());
  }
}
