package redline.cases;

import java.util.ArrayList;
import java.util.List;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Kind;
import redline.model.PartyResult;
import redline.model.Status;

/**
 * Which constraints the cases exercise: for each, whether some case broke it and some case
 * satisfied it. The percentage counts each direction once: (broken + satisfied) / (2 x total).
 */
public record Coverage(List<Entry> entries) {
  /** One constraint's coverage. */
  public record Entry(Constraint constraint, List<String> brokenBy, List<String> satisfiedBy) {
    public Entry {
      brokenBy = List.copyOf(brokenBy);
      satisfiedBy = List.copyOf(satisfiedBy);
    }

    /** True when some case broke it and some case satisfied it. */
    public boolean bothWays() {
      return !brokenBy.isEmpty() && !satisfiedBy.isEmpty();
    }

    /** True when no case decided it either way. */
    public boolean never() {
      return brokenBy.isEmpty() && satisfiedBy.isEmpty();
    }
  }

  public Coverage {
    entries = List.copyOf(entries);
  }

  /**
   * The coverage of {@code book}'s constraints by the results of a run. For the latest positions
   * every stance of the history counts, each exercised by the cases run on days it is in force;
   * for a dated book, the stances in force on its day.
   */
  public static Coverage of(RuleBook book, List<CaseResult> results) {
    List<Entry> entries = new ArrayList<>();
    for (Constraint c : book.isLatest() ? book.allConstraints() : book.constraints()) {
      List<String> broken = new ArrayList<>();
      List<String> satisfied = new ArrayList<>();
      for (CaseResult r : results) {
        PartyResult pr = r.evaluation().party(c.party()).orElse(null);
        if (pr == null) {
          continue;
        }
        for (ConstraintResult cr : pr.constraints()) {
          if (cr.constraint().id().equals(c.id())) {
            if (cr.status() == Status.BROKEN) {
              broken.add(r.testCase().proposal().id());
            } else if (cr.status() == Status.SATISFIED) {
              satisfied.add(r.testCase().proposal().id());
            }
          }
        }
      }
      entries.add(new Entry(c, broken, satisfied));
    }
    return new Coverage(entries);
  }

  /** The percentage of directions exercised, 0 to 100. */
  public double percent() {
    if (entries.isEmpty()) {
      return 100.0;
    }
    long hit = entries.stream().mapToLong(e -> (e.brokenBy().isEmpty() ? 0 : 1) + (e.satisfiedBy().isEmpty() ? 0 : 1)).sum();
    return 100.0 * hit / (2.0 * entries.size());
  }

  /**
   * The ids of the red lines that no case broke or no case satisfied: the shipped cases must
   * leave this empty ({@code mvn verify} and {@code redline test} both check it).
   */
  public List<String> redLinesNotBothWays() {
    return of(Kind.RED_LINE).stream().filter(e -> !e.bothWays()).map(e -> e.constraint().id()).toList();
  }

  /** The entries of the given kind. */
  public List<Entry> of(Kind kind) {
    return entries.stream().filter(e -> e.constraint().kind() == kind).toList();
  }
}
