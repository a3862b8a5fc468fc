package redline.check;

import java.util.List;

/**
 * A minimal set of red lines that no proposal can satisfy together: dropping any one of them
 * makes the rest satisfiable. {@code parties} are the parties involved, in vocabulary order;
 * one party means the party contradicts itself. {@code terms} are the terms the red lines read.
 */
public record Conflict(List<ConstraintAnalysis> redLines, List<String> parties, List<String> terms) {
  public Conflict {
    redLines = List.copyOf(redLines);
    parties = List.copyOf(parties);
    terms = List.copyOf(terms);
  }

  /** True when the red lines belong to more than one party. */
  public boolean crossParty() {
    return parties.size() > 1;
  }

  /** The ids of the red lines, in rule-book order. */
  public List<String> ids() {
    return redLines.stream().map(ConstraintAnalysis::id).toList();
  }
}
