package redline.model;

import java.util.List;
import java.util.Optional;

/**
 * The full result of evaluating one proposal: one result per party, in vocabulary order, and any
 * problem met while running the rules, and the positions (the day) it was judged against. Immutable.
 */
public record Evaluation(Proposal proposal, List<PartyResult> parties, List<Diagnostic> errors, Positions positions) {

  public Evaluation {
    parties = List.copyOf(parties);
    errors = List.copyOf(errors);
    positions = positions == null ? Positions.UNDATED : positions;
  }

  /** An evaluation against undated positions. */
  public Evaluation(Proposal proposal, List<PartyResult> parties, List<Diagnostic> errors) {
    this(proposal, parties, errors, Positions.UNDATED);
  }

  /** The same evaluation restricted to {@code parties}. */
  public Evaluation withParties(List<PartyResult> parties) {
    return new Evaluation(proposal, parties, errors, positions);
  }

  /** The result for party {@code code}, if that party was evaluated. */
  public Optional<PartyResult> party(String code) {
    return parties.stream().filter(p -> p.party().code().equals(code)).findFirst();
  }

  /** The parties whose verdict is {@code verdict}. */
  public List<PartyResult> withVerdict(Verdict verdict) {
    return parties.stream().filter(p -> p.verdict() == verdict).toList();
  }
}
