package redline.explore;

import java.util.Collection;
import java.util.List;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.Kind;
import redline.model.Party;

/**
 * Which parties a search considers and what counts for them: their red lines (and, when asked,
 * their objections) must hold; their preferences score. Immutable.
 *
 * @param hard the constraints that must not be broken
 * @param soft the preferences that score
 * @param coherence the coherence rules: combinations no proposal may hold, never relaxed
 * @param objections whether objections count as red lines
 */
public record Problem(
    List<Party> parties, List<Constraint> hard, List<Constraint> soft, List<Constraint> coherence, boolean objections) {
  public Problem {
    parties = List.copyOf(parties);
    hard = List.copyOf(hard);
    soft = List.copyOf(soft);
    coherence = List.copyOf(coherence);
  }

  /** A problem without coherence rules. */
  public Problem(List<Party> parties, List<Constraint> hard, List<Constraint> soft, boolean objections) {
    this(parties, hard, soft, List.of(), objections);
  }

  /** The same problem for other parties' red lines and preferences, with the same coherence rules. */
  public Problem with(List<Party> parties, List<Constraint> hard, List<Constraint> soft) {
    return new Problem(parties, hard, soft, coherence, objections);
  }

  /**
   * The problem of {@code codes} (every party with rules when empty) in {@code book}; with
   * {@code objections}, a broken objection counts as a broken red line.
   */
  public static Problem of(RuleBook book, Collection<String> codes, boolean objections) {
    List<Party> parties =
        book.parties().stream().filter(p -> codes.isEmpty() || codes.contains(p.code())).toList();
    List<String> chosen = parties.stream().map(Party::code).toList();
    List<Constraint> hard =
        book.constraints().stream()
            .filter(c -> chosen.contains(c.party()))
            .filter(c -> c.kind() == Kind.RED_LINE || (objections && c.kind() == Kind.OBJECTION))
            .toList();
    List<Constraint> soft =
        book.constraints().stream()
            .filter(c -> chosen.contains(c.party()) && c.kind() == Kind.PREFERENCE)
            .toList();
    return new Problem(parties, hard, soft, book.coherence(), objections);
  }

  /** The position of party {@code code} among the considered parties, or -1. */
  public int partyIndex(String code) {
    for (int i = 0; i < parties.size(); i++) {
      if (parties.get(i).code().equals(code)) {
        return i;
      }
    }
    return -1;
  }

  /** The highest preference score of each considered party: the sum of its weights. */
  public int[] maxScores() {
    int[] max = new int[parties.size()];
    for (Constraint c : soft) {
      max[partyIndex(c.party())] += c.weight();
    }
    return max;
  }
}
