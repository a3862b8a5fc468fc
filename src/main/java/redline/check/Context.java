package redline.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import redline.engine.Compiler;
import redline.analysis.Decisions;
import redline.analysis.Minimal;
import redline.analysis.Table;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.Diagnostic;
import redline.model.Kind;

/**
 * What the stages of one check share: the rules folder, and what earlier stages read, compiled
 * and computed, each produced once, on first use. Not thread-safe; one per check.
 */
public final class Context {
  private final Path dir;
  private final String shown;
  /** Where compiled rules and Drools' decisions are kept between processes; null for nowhere. */
  private final Path cacheDir;
  private redline.engine.Memo memo = redline.engine.Memo.NONE;
  private RuleBook.Loaded loaded;
  private Compiler.Result compiled;
  private RuleBook book;
  private List<Diagnostic> bookProblems = List.of();
  private Decisions decisions;
  private Space space;
  /** The solver's answers, shared with the contexts of other days made by {@link #at}. */
  private Space.Answers answers = new Space.Answers();
  /** The conflicts found per group of red lines, shared likewise. */
  private Minimal.Memo conflictMemo = new Minimal.Memo();
  private Map<String, ConstraintAnalysis> analyses;
  private List<Conflict> conflicts;
  private redline.analysis.Minimal.Result search;
  /** How many SAT solver calls the search for conflicts may make before it stops. */
  static final long CONFLICT_BUDGET = 200_000;
  private java.time.LocalDate day;
  /** Decisions over other positions of the same rules, whose tables this context may reuse. */
  private Decisions known;

  /** A context for checking the folder {@code dir}, named {@code shown} in diagnostics. */
  public Context(Path dir, String shown) {
    this(dir, shown, null);
  }

  /**
   * As {@link #Context(Path, String)}, taking the read and compiled rules, and Drools' decisions,
   * from {@code cacheDir} when the same rules were checked or loaded before (null: no cache).
   */
  public Context(Path dir, String shown, Path cacheDir) {
    this.dir = dir;
    this.shown = shown;
    this.cacheDir = cacheDir;
  }

  /**
   * As {@link #Context(Path, String, Path)}, with the folder already read and compiled by {@link
   * RuleBook#prepare} for these same arguments.
   */
  public Context(Path dir, String shown, Path cacheDir, RuleBook.Prepared prepared) {
    this(dir, shown, cacheDir);
    this.loaded = prepared.loaded();
    this.compiled = prepared.compiled();
    this.memo = prepared.memo();
  }

  /**
   * A context for the positions in force on {@code day}, sharing this one's read and compiled
   * rules (the stages that reason over the rule book then see only those positions).
   */
  public Context at(java.time.LocalDate day) {
    Context c = new Context(dir, shown, cacheDir);
    c.loaded = loaded();
    c.compiled = compiled();
    c.memo = memo;
    c.day = day;
    RuleBook whole = ruleBook();
    c.bookProblems = bookProblems;
    c.book = whole == null ? null : whole.latest().at(day);
    c.answers = answers;
    c.conflictMemo = conflictMemo;
    c.known = whole == null || Diagnostic.anyError(bookProblems) ? null : decisions == null ? null : decisions;
    return c;
  }

  /** The day whose positions are checked, or null for the latest. */
  public java.time.LocalDate day() {
    return day;
  }

  /** The rules folder as the user named it. */
  public String shown() {
    return shown;
  }

  /** The folder read without compiling: vocabulary, parsed files and the reader's diagnostics. */
  public RuleBook.Loaded loaded() {
    if (loaded == null) {
      if (cacheDir == null) {
        loaded = RuleBook.read(dir, shown);
      } else {
        RuleBook.Prepared p = RuleBook.prepare(dir, shown, cacheDir);
        loaded = p.loaded();
        compiled = p.compiled();
        memo = p.memo();
      }
    }
    return loaded;
  }

  /** The result of compiling the parsed files (no knowledge base when the vocabulary failed). */
  public Compiler.Result compiled() {
    if (compiled == null) {
      RuleBook.Loaded l = loaded();
      if (compiled == null) {
        compiled =
            l.vocabulary() == null
                ? new Compiler.Result(null, List.of(), false)
                : Compiler.compile(l.vocabulary(), l.files(), l.diagnostics());
      }
    }
    return compiled;
  }

  /** The loaded rule book, or null when the rules do not load; see {@link #bookProblems()}. */
  public RuleBook ruleBook() {
    if (book == null && bookProblems.isEmpty()) {
      try {
        book = RuleBook.of(shown, loaded(), compiled(), memo);
      } catch (RulesException e) {
        bookProblems = e.diagnostics();
      }
    }
    return book;
  }

  /** Why the rule book did not load. */
  public List<Diagnostic> bookProblems() {
    return bookProblems;
  }

  /** Every constraint decided by Drools over the values of the terms it reads. */
  public Decisions decisions() {
    if (decisions == null) {
      decisions = Decisions.compute(evaluator(), known);
    }
    return decisions;
  }

  private Evaluator evaluator;

  private Evaluator evaluator() {
    if (evaluator == null) {
      evaluator = new Evaluator(ruleBook());
    }
    return evaluator;
  }

  /** The space of proposals the tables span, for combining them. */
  Space space() {
    if (space == null) {
      space = new Space(decisions(), redline.analysis.Space.of(decisions(), evaluator(), java.util.Map.of()), answers);
    }
    return space;
  }

  /** The analysis of each constraint, by id, in rule-book order. */
  public Map<String, ConstraintAnalysis> analyses() {
    if (analyses == null) {
      analyses = Analyses.of(ruleBook().vocabulary(), decisions());
    }
    return analyses;
  }

  /**
   * Every minimal set of red lines that no proposal can satisfy together, within one party or
   * across parties; red lines that nothing satisfies on their own are left out (stage 4 reports
   * them).
   */
  public List<Conflict> conflicts() {
    if (conflicts == null) {
      List<Table> redLines = new ArrayList<>();
      for (Table t : decisions().tables().values()) {
        // a red line only an incoherent proposal satisfies is reported by stage 4, not here
        if (t.constraint().kind() == Kind.RED_LINE && t.canSatisfy() && space().satisfiable(List.of(t))) {
          redLines.add(t);
        }
      }
      search = Minimal.unsatisfiable(space().solvers(), redLines, space().coherence(), CONFLICT_BUDGET, () -> false, conflictMemo);
      List<Conflict> found = new ArrayList<>();
      List<String> partyOrder = new ArrayList<>(ruleBook().vocabulary().parties().keySet());
      List<String> termOrder = new ArrayList<>(ruleBook().vocabulary().terms().keySet());
      for (List<Integer> set : search.sets()) {
        List<ConstraintAnalysis> members = new ArrayList<>();
        Set<String> parties = new TreeSet<>(java.util.Comparator.comparingInt(partyOrder::indexOf));
        Set<String> terms = new TreeSet<>(java.util.Comparator.comparingInt(termOrder::indexOf));
        for (int i : set) {
          ConstraintAnalysis a = analyses().get(redLines.get(i).constraint().id());
          members.add(a);
          parties.add(a.constraint().party());
          terms.addAll(a.reads());
        }
        found.add(new Conflict(members, new ArrayList<>(parties), new ArrayList<>(terms)));
      }
      found.sort(
          java.util.Comparator.comparingInt((Conflict c) -> termOrder.indexOf(c.terms().get(0)))
              .thenComparingInt(c -> c.redLines().size())
              .thenComparing(c -> c.ids(), this::byBookOrder));
      conflicts = List.copyOf(found);
    }
    return conflicts;
  }

  private int byBookOrder(List<String> a, List<String> b) {
    List<String> order = new ArrayList<>(decisions().tables().keySet());
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(order.indexOf(a.get(i)), order.indexOf(b.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Whether the search for conflicts stopped before it had examined every set (never on sane rules). */
  public boolean conflictSearchTruncated() {
    conflicts();
    return search.truncated();
  }

  /** The size up to which the conflicts listed are all the conflicts there are. */
  public int conflictsCompleteUpTo() {
    conflicts();
    return search.completeUpTo();
  }
}
