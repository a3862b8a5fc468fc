package redline.cases;

import java.util.List;
import redline.model.Proposal;

/**
 * A case: a proposal and what it is expected to get. With {@code exhaustive}, every party with
 * rules must be listed and each listed party's broken constraints must be exactly those listed.
 */
public record Case(Proposal proposal, boolean exhaustive, List<Expectation> expectations, String notes) {
  public Case {
    expectations = List.copyOf(expectations);
    notes = notes == null ? "" : notes;
  }

  /** The file the case was read from. */
  public String file() {
    return proposal.file();
  }
}
