package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.analysis.Decisions;
import redline.analysis.Minimal;
import redline.analysis.Solvers;
import redline.analysis.Table;
import redline.model.Kind;

/**
 * The checker's questions about the space of proposals the decision tables span, asked of the
 * SAT solvers of the analysis ({@link Solvers}), one per group of tables tied by shared terms: whether some proposal
 * satisfies some tables and breaks others, always together with the coherence rules linked to
 * the terms asked about.
 */
final class Space {
  private final Solvers solvers;
  /** The coherence rules: every proposal the space holds satisfies them. */
  private final List<Table> coherence = new ArrayList<>();

  /**
   * The answers given so far, shared by the spaces of every day a check looks at: an answer
   * depends only on the tables asked about (their decisions, terms and sizes), so a day whose
   * tables did not change asks no solver again.
   */
  static final class Answers {
    private final java.util.Map<List<List<Table>>, Boolean> known = new java.util.HashMap<>();
  }

  private final Answers answers;

  Space(Decisions decisions, redline.analysis.Space space, Answers answers) {
    this.answers = answers;
    for (Table t : decisions.tables().values()) {
      if (t.constraint().kind() == Kind.COHERENCE) {
        coherence.add(t);
      }
    }
    solvers = new Solvers(space, space.tables());
  }

  /** The solvers, for searches over many questions. */
  Solvers solvers() {
    return solvers;
  }

  /** The coherence rules. */
  List<Table> coherence() {
    return coherence;
  }

  /** Whether some proposal satisfies every table of {@code satisfy} and breaks every one of {@code breakAll}. */
  boolean exists(List<Table> satisfy, List<Table> breakAll) {
    List<Table> asked = new ArrayList<>(satisfy);
    asked.addAll(breakAll);
    List<Table> all = new ArrayList<>(satisfy);
    all.addAll(Minimal.linked(asked, coherence));
    return answers.known.computeIfAbsent(List.of(List.copyOf(all), List.copyOf(breakAll)), k -> solvers.exists(all, breakAll));
  }

  /** Whether some proposal satisfies all the given tables together. */
  boolean satisfiable(List<Table> tables) {
    return exists(tables, List.of());
  }

  /** Whether every proposal that breaks {@code a} also breaks {@code b}. */
  boolean implies(Table a, Table b) {
    return !exists(List.of(b), List.of(a));
  }
}
