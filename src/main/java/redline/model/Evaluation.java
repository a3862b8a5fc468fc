package redline.model;

import java.util.List;
import java.util.Optional;

/**
 * The full result of evaluating one proposal: one result per party, in vocabulary order, and any
 * problem met while running the rules. Immutable.
 */
public record Evaluation(Proposal proposal, List<PartyResult> parties, List<Diagnostic> errors) {

  public Evaluation {
    parties = List.copyOf(parties);
    errors = List.copyOf(errors);
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
