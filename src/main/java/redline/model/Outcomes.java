package redline.model;

import java.util.AbstractList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.IntFunction;

/**
 * One party's constraint outcomes for one proposal, held as one status per constraint and built
 * into {@link ConstraintResult}s only when read: a batch keeps a few bytes per constraint, and a
 * report renders the terms of the results it shows. An unmodifiable list, equal to any list of the
 * same results in the same order.
 */
public final class Outcomes extends AbstractList<ConstraintResult> implements RandomAccess {

  private static final Status[] STATUSES = Status.values();

  private final List<Constraint> constraints;
  private final Proposal proposal;
  private final byte[] statuses;

  private Outcomes(List<Constraint> constraints, Proposal proposal, byte[] statuses) {
    this.constraints = constraints;
    this.proposal = proposal;
    this.statuses = statuses;
  }

  /**
   * The outcomes of {@code constraints} for {@code proposal}, constraint {@code i} having status
   * {@code status.apply(i)}. An unmodifiable list of constraints (as {@link List#copyOf} gives)
   * is shared, not copied, so that many proposals' outcomes share one.
   */
  public static Outcomes of(List<Constraint> constraints, Proposal proposal, IntFunction<Status> status) {
    constraints = List.copyOf(constraints);
    byte[] statuses = new byte[constraints.size()];
    for (int i = 0; i < statuses.length; i++) {
      statuses[i] = (byte) status.apply(i).ordinal();
    }
    return new Outcomes(constraints, proposal, statuses);
  }

  /** The status of constraint {@code i}, without building its result. */
  public Status status(int i) {
    return STATUSES[statuses[i]];
  }

  /** Constraint {@code i}. */
  public Constraint constraint(int i) {
    return constraints.get(i);
  }

  @Override
  public ConstraintResult get(int i) {
    Constraint c = constraints.get(i);
    Map<String, String> terms = c.reads().size() == 1 ? null : new LinkedHashMap<>();
    for (String term : c.reads()) {
      TermValue v = proposal.terms().get(term);
      String shown = v == null ? ConstraintResult.OPEN : v.render();
      if (terms == null) {
        terms = Map.of(term, shown);
      } else {
        terms.put(term, shown);
      }
    }
    return new ConstraintResult(c, status(i), terms);
  }

  @Override
  public int size() {
    return statuses.length;
  }
}
