package redline.cases;

import java.time.LocalDate;
import java.util.List;
import redline.model.Proposal;

/**
 * A case: a proposal and what it is expected to get. With {@code exhaustive}, every party with
 * rules must be listed and each listed party's broken constraints must be exactly those listed.
 */
public record Case(Proposal proposal, boolean exhaustive, List<Expectation> expectations, String notes, LocalDate positionsAsOf) {
  public Case {
    expectations = List.copyOf(expectations);
    notes = notes == null ? "" : notes;
  }

  /** A case whose expectations hold at the proposal's own date. */
  public Case(Proposal proposal, boolean exhaustive, List<Expectation> expectations, String notes) {
    this(proposal, exhaustive, expectations, notes, null);
  }

  /**
   * The day whose positions the expectations hold for: {@code expect.positionsAsOf} when the case
   * pins one, else the proposal's {@code asOf}; null (the latest positions) when it has neither.
   */
  public LocalDate day() {
    if (positionsAsOf != null) {
      return positionsAsOf;
    }
    return proposal.asOf().isEmpty() ? null : LocalDate.parse(proposal.asOf());
  }

  /** The file the case was read from. */
  public String file() {
    return proposal.file();
  }
}
