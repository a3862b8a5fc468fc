package redline.check;

import java.util.List;
import redline.model.Constraint;

/**
 * What the checker found out about one constraint from its decision table: the terms it reads,
 * how many combinations of their values it was decided on, whether some combination breaks it
 * and some satisfies it, and, per term, the values that break it.
 *
 * @param combinations how many combinations of values Drools decided the constraint on
 * @param brokenCombinations how many of them break it
 */
public record ConstraintAnalysis(
    Constraint constraint,
    List<String> reads,
    int combinations,
    int brokenCombinations,
    boolean canBreak,
    boolean canSatisfy,
    List<Forbidden> forbids) {

  public ConstraintAnalysis {
    reads = List.copyOf(reads);
    forbids = List.copyOf(forbids);
  }

  /**
   * The values of one term that break the constraint, described (options, number ranges, or
   * conditions on a set). {@code partial} is true when those values break it only in combination
   * with values of the other terms it reads.
   */
  public record Forbidden(String term, List<String> values, boolean partial) {
    public Forbidden {
      values = List.copyOf(values);
    }

    /** The values as one line, e.g. {@code OPEN, CONSENSUS_DEPENDENT}. */
    public String text() {
      return values.isEmpty() ? "nothing" : String.join(", ", values) + (partial ? " (depending on other terms)" : "");
    }
  }

  /** The constraint's id. */
  public String id() {
    return constraint.id();
  }

  /** What the constraint forbids of {@code term}, if it reads it. */
  public java.util.Optional<Forbidden> forbids(String term) {
    return forbids.stream().filter(f -> f.term().equals(term)).findFirst();
  }
}
