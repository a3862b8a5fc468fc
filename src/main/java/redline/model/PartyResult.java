package redline.model;

import java.util.List;

/**
 * One party's reaction to a proposal: its verdict, its preference score (the weights of the
 * preferences satisfied minus those broken, out of {@code maxScore}) and every constraint's
 * outcome, in rule-file order.
 */
public record PartyResult(
    Party party, Verdict verdict, int score, int maxScore, List<ConstraintResult> constraints) {

  public PartyResult {
    constraints = constraints instanceof Outcomes ? constraints : List.copyOf(constraints); // Outcomes: unmodifiable
  }

  /** The constraints with the given status. */
  public List<ConstraintResult> with(Status status) {
    return constraints.stream().filter(c -> c.status() == status).toList();
  }

  /** The constraints of the given kind with the given status. */
  public List<ConstraintResult> with(Kind kind, Status status) {
    return constraints.stream()
        .filter(c -> c.status() == status && c.constraint().kind() == kind)
        .toList();
  }
}
