package redline.engine;

import redline.analysis.Decisions;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.cases.Case;
import redline.cases.CaseReader;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.PartyResult;
import redline.model.Proposal;

/**
 * {@link RuleBook#at(LocalDate)} against an independent oracle: for each day on which the shipped
 * positions change (and the day before the first change), a copy of the rules folder from which
 * every rule not in force that day is cut out as text, with its date metadata removed, read as an
 * undated rule book: the same constraints are in force; and on four of those days, compiled,
 * every shipped case gets exactly the same outcome, constraint by constraint.
 */
class DatedStancesTest {
  static RuleBook shipped;
  static List<Proposal> proposals = new ArrayList<>();

  private static final Pattern RULE_START = Pattern.compile("(?m)^rule \"");
  private static final Pattern DATE = Pattern.compile("@(from|until)\\(\"([0-9-]+)\"\\)");
  private static final Pattern DATED_META = Pattern.compile("(?m)^\\s*@(from|until|supersedes)\\(\"[^\"]*\"\\)\\s*\\n");

  @BeforeAll
  static void load() throws Exception {
    shipped = RuleBook.load(Path.of("rules"));
    CaseReader reader = new CaseReader(shipped, true);
    try (Stream<Path> s = Files.list(Path.of("cases"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        Case c = reader.read(f, f.toString()).testCase();
        proposals.add(c.proposal());
      }
    }
  }

  /** The shipped rules cut down to what is in force on {@code day}, by text alone. */
  static Path cut(Path into, LocalDate day) throws IOException {
    Files.createDirectories(into);
    try (Stream<Path> s = Files.list(Path.of("rules"))) {
      for (Path f : s.toList()) {
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (f.toString().endsWith(".drl")) {
          Matcher m = RULE_START.matcher(text);
          List<Integer> starts = new ArrayList<>();
          while (m.find()) {
            starts.add(m.start());
          }
          StringBuilder out = new StringBuilder(starts.isEmpty() ? text : text.substring(0, starts.get(0)));
          for (int i = 0; i < starts.size(); i++) {
            String block = text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length());
            LocalDate from = null;
            LocalDate until = null;
            Matcher d = DATE.matcher(block.substring(0, block.indexOf("\nwhen")));
            while (d.find()) {
              if (d.group(1).equals("from")) {
                from = LocalDate.parse(d.group(2));
              } else {
                until = LocalDate.parse(d.group(2));
              }
            }
            boolean inForce = (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
            if (inForce) {
              out.append(DATED_META.matcher(block).replaceAll(""));
            }
          }
          text = out.toString();
        }
        Files.writeString(into.resolve(f.getFileName()), text, StandardCharsets.UTF_8);
      }
    }
    return into;
  }

  /** Each constraint's status per party, by id, for comparison across rule books. */
  static Map<String, String> outcome(Evaluation e) {
    Map<String, String> out = new LinkedHashMap<>();
    for (PartyResult p : e.parties()) {
      out.put(p.party().code(), p.verdict().name() + " " + p.score() + "/" + p.maxScore());
      for (ConstraintResult c : p.constraints()) {
        out.put(c.constraint().id(), c.status().name());
      }
    }
    return out;
  }

  @Test
  void theDatedSelectionEqualsTheRulesCutToThatDay(@TempDir Path tmp) throws Exception {
    List<LocalDate> days = new ArrayList<>(shipped.changeDates());
    assertTrue(days.size() >= 5, "the shipped rules change on several days: " + days);
    days.add(0, days.get(0).minusDays(1));
    // on every day: the same constraints in force (the cut folder read without compiling)
    for (LocalDate day : days) {
      Path folder = cut(tmp.resolve(day.toString()), day);
      RuleBook.Loaded oracle = RuleBook.read(folder, folder.toString());
      assertTrue(oracle.diagnostics().stream().noneMatch(redline.model.Diagnostic::isError), oracle.diagnostics().toString());
      List<String> expected = new ArrayList<>();
      for (redline.model.Party p : oracle.vocabulary().parties().values()) {
        oracle.files().forEach(f -> f.constraints().stream().filter(c -> c.party().equals(p.code())).forEach(c -> expected.add(c.id())));
      }
      assertEquals(expected, shipped.at(day).constraints().stream().map(Constraint::id).toList(), "constraints in force on " + day);
    }
    // on the first and last day, and the days of the 20-point framework and the Paris Declaration:
    // every case gets the same outcome, constraint by constraint, from the compiled cut folder
    for (LocalDate day : List.of(days.get(0), LocalDate.of(2025, 12, 24), LocalDate.of(2026, 1, 6), days.get(days.size() - 1))) {
      RuleBook oracle = RuleBook.load(tmp.resolve(day.toString()));
      RuleBook dated = shipped.at(day);
      List<Evaluation> expected = new Evaluator(oracle).evaluateAll(proposals);
      List<Evaluation> actual = new Evaluator(dated).evaluateAll(proposals);
      for (int i = 0; i < proposals.size(); i++) {
        assertEquals(outcome(expected.get(i)), outcome(actual.get(i)), proposals.get(i).id() + " on " + day);
        assertEquals(day, actual.get(i).positions().day());
        assertFalse(actual.get(i).positions().latest());
      }
    }
  }

  /** Decision tables taken over from the latest positions equal tables decided afresh by Drools. */
  @Test
  void reusedDecisionTablesEqualFreshOnes() {
    Decisions latest = Decisions.compute(new Evaluator(shipped));
    for (LocalDate day : List.of(LocalDate.of(2025, 11, 20), LocalDate.of(2025, 12, 24), LocalDate.of(2026, 1, 25))) {
      Evaluator ev = new Evaluator(shipped.at(day));
      Decisions fresh = Decisions.compute(ev);
      Decisions reused = Decisions.compute(ev, latest);
      assertEquals(fresh.domains(), reused.domains());
      assertEquals(fresh.tables().keySet(), reused.tables().keySet(), "tables on " + day);
      for (String id : fresh.tables().keySet()) {
        Table a = fresh.tables().get(id);
        Table b = reused.tables().get(id);
        assertEquals(a.names(), b.names(), id);
        assertTrue(a.sameDecisions(b), id + " on " + day);
      }
    }
  }

  @Test
  void theLatestPositionsAreThoseAfterTheLastChange() {
    LocalDate last = shipped.changeDates().last();
    assertEquals(last, shipped.day());
    assertTrue(shipped.isLatest());
    assertEquals(
        shipped.at(last).constraints().stream().map(Constraint::id).toList(),
        shipped.constraints().stream().map(Constraint::id).toList());
    assertTrue(shipped.allConstraints().size() > shipped.constraints().size(), "superseded stances are kept");
    for (Constraint c : shipped.allConstraints()) {
      if (!c.supersedes().isEmpty()) {
        Constraint old = shipped.allConstraints().stream().filter(k -> k.id().equals(c.supersedes())).findFirst().orElseThrow();
        assertEquals(c.from(), old.until(), c.id() + " starts the day " + old.id() + " ends");
        assertEquals(old.party(), c.party());
      }
    }
  }

  @Test
  void everyNewStanceCitesASourceOfTheCatalogueAndHasADate() {
    for (Constraint c : shipped.allConstraints()) {
      if (c.from() != null) {
        assertFalse(c.sources().isEmpty(), c.id());
        c.sources().forEach(s -> assertTrue(shipped.sources().containsKey(s), c.id() + " cites " + s));
        assertTrue(!c.asOf().isAfter(LocalDate.of(2026, 7, 8)), c.id() + " is dated within the research");
      }
    }
  }
}
