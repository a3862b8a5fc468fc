package redline.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.model.ConstraintResult;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;

/**
 * Runs case files against a rule book: the one runner behind {@code redline test} and the JUnit
 * suite. All cases are evaluated in one Drools session. Never prints. Thread-safe.
 */
public final class CaseRunner {
  private final RuleBook book;
  private final java.time.LocalDate asOf;
  private final boolean latest;

  /** A runner over {@code book} that runs each case at its own day ({@link Case#day()}). */
  public CaseRunner(RuleBook book) {
    this(book, null, false);
  }

  /**
   * A runner over {@code book} that runs every case at {@code asOf}, or at the latest positions
   * with {@code latest}; with neither, each case at its own day.
   */
  public CaseRunner(RuleBook book, java.time.LocalDate asOf, boolean latest) {
    this.book = book.latest();
    this.asOf = asOf;
    this.latest = latest;
  }

  /** The outcome of a run: one result per valid case, in file order, and the malformed ones. */
  public record Run(List<CaseResult> results, List<Diagnostic> problems) {
    public Run {
      results = List.copyOf(results);
      problems = List.copyOf(problems);
    }

    /** The number of cases that passed. */
    public long passed() {
      return results.stream().filter(CaseResult::passed).count();
    }

    /** The number of cases that failed. */
    public long failed() {
      return results.size() - passed();
    }

    /** True when some case file could not be read. */
    public boolean malformed() {
      return Diagnostic.anyError(problems);
    }
  }

  /** Reads and runs the case files given; {@code shown} maps a path to its displayed name. */
  public Run run(List<Path> files) {
    CaseReader reader = new CaseReader(book, asOf != null || latest);
    List<Case> cases = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>();
    for (Path f : files) {
      CaseReader.Result r = reader.read(f, f.toString());
      problems.addAll(r.diagnostics());
      if (r.testCase() != null) {
        cases.add(r.testCase());
      }
    }
    return new Run(runCases(cases), problems);
  }

  /** Runs cases already read. */
  public List<CaseResult> runCases(List<Case> cases) {
    // One Drools session per day: the cases of one day are evaluated together.
    java.util.Map<java.time.LocalDate, List<Integer>> byDay = new java.util.TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    for (int i = 0; i < cases.size(); i++) {
      byDay.computeIfAbsent(dayOf(cases.get(i)), d -> new ArrayList<>()).add(i);
    }
    Evaluation[] evaluated = new Evaluation[cases.size()];
    byDay.forEach(
        (day, members) -> {
          Evaluator evaluator = new Evaluator(day == null ? book : book.at(day));
          List<Evaluation> es = evaluator.evaluateAll(members.stream().map(i -> cases.get(i).proposal()).toList());
          for (int j = 0; j < members.size(); j++) {
            evaluated[members.get(j)] = es.get(j);
          }
        });
    List<Evaluation> evaluations = java.util.Arrays.asList(evaluated);
    List<CaseResult> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      out.add(new CaseResult(cases.get(i), evaluations.get(i), compare(cases.get(i), evaluations.get(i))));
    }
    return out;
  }

  /** The day a case runs at: the day asked for, else the case's own. */
  private java.time.LocalDate dayOf(Case c) {
    return latest ? null : asOf != null ? asOf : c.day();
  }

  /** Every difference between a case's expectation and an evaluation. */
  static List<Mismatch> compare(Case c, Evaluation e) {
    List<Mismatch> out = new ArrayList<>();
    for (Expectation x : c.expectations()) {
      PartyResult actual = e.party(x.party()).orElse(null);
      if (actual == null) {
        out.add(new Mismatch(x.party(), "", "", x.verdict().name(), "(no rules)", "the party has no constraints"));
        continue;
      }
      if (actual.verdict() != x.verdict()) {
        out.add(new Mismatch(x.party(), "", "", x.verdict().name(), actual.verdict().name(), why(actual)));
      }
      Set<String> judged = new TreeSet<>();
      actual.constraints().forEach(r -> judged.add(r.constraint().id()));
      for (String id : x.allIds()) {
        if (!judged.contains(id)) {
          out.add(new Mismatch(x.party(), id, "", "listed", "not in force", "the constraint is not in force on " + e.positions().dayText()));
        }
      }
      for (ConstraintResult r : actual.constraints()) {
        String id = r.constraint().id();
        for (Status s : Status.values()) {
          if (x.ids(s).contains(id) && r.status() != s) {
            out.add(new Mismatch(x.party(), id, r.constraint().title(), s.name(), r.status().name(), r.explanation()));
          }
        }
        if (c.exhaustive() && r.status() == Status.BROKEN && !x.ids(Status.BROKEN).contains(id) && !listed(x, id)) {
          out.add(new Mismatch(x.party(), id, r.constraint().title(), "not BROKEN (exhaustive case)", "BROKEN", r.explanation()));
        }
      }
    }
    return out;
  }

  private static boolean listed(Expectation x, String id) {
    Set<String> all = new TreeSet<>(x.allIds());
    return all.contains(id);
  }

  /** Why a party has its verdict, in words, naming the deciding constraints. */
  static String why(PartyResult r) {
    List<String> parts = new ArrayList<>();
    for (ConstraintResult c : r.constraints()) {
      if (c.status() == Status.BROKEN && c.constraint().kind() != redline.model.Kind.PREFERENCE) {
        parts.add(c.constraint().id() + " (" + c.constraint().title() + ", " + c.constraint().kind().word() + ") " + c.explanation());
      }
    }
    if (parts.isEmpty()) {
      for (ConstraintResult c : r.constraints()) {
        if (c.status() == Status.UNDETERMINED && c.constraint().kind() != redline.model.Kind.PREFERENCE) {
          parts.add(c.constraint().id() + " (" + c.constraint().title() + ") " + c.explanation());
        }
      }
    }
    return parts.isEmpty() ? "every red line and objection is satisfied" : String.join("; ", parts);
  }
}
