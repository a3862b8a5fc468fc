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
 * @param objections whether objections count as red lines
 */
public record Problem(List<Party> parties, List<Constraint> hard, List<Constraint> soft, boolean objections) {
  public Problem {
    parties = List.copyOf(parties);
    hard = List.copyOf(hard);
    soft = List.copyOf(soft);
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
    return new Problem(parties, hard, soft, objections);
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
