package redline.compare;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * What changes between two evaluated drafts: the terms that differ, and per party whether its
 * verdict moved and which way, its preference score before and after, and the constraints whose
 * status flipped. Immutable.
 *
 * @param base the evaluation of the draft compared against
 * @param draft the evaluation of the changed draft
 * @param terms the terms set differently: in the base's order, then those only the draft sets
 * @param parties one entry per party evaluated in both, in the base's order
 */
public record Comparison(Evaluation base, Evaluation draft, List<TermChange> terms, List<PartyChange> parties) {

  public Comparison {
    terms = List.copyOf(terms);
    parties = List.copyOf(parties);
  }

  /**
   * How a verdict moved. Verdicts are ordered REJECTS, UNDETERMINED, OBJECTS, ACCEPTS: an
   * undetermined party might still reject, so it ranks above a rejection and below an objection.
   */
  public enum Direction {
    BETTER,
    WORSE,
    SAME;

    /** The word in reports: {@code better}, {@code worse}, {@code unchanged}. */
    public String word() {
      return switch (this) {
        case BETTER -> "better";
        case WORSE -> "worse";
        case SAME -> "unchanged";
      };
    }
  }

  /** One term set differently; a null value means the draft leaves the term open. */
  public record TermChange(String term, TermValue before, TermValue after) {}

  /** One constraint whose status differs between the two drafts. */
  public record Flip(Constraint constraint, Status before, Status after) {}

  /** One party's change. */
  public record PartyChange(
      Party party, Verdict before, Verdict after, int scoreBefore, int scoreAfter, int maxScore, List<Flip> flips) {
    public PartyChange {
      flips = List.copyOf(flips);
    }

    /** Which way the verdict moved. */
    public Direction direction() {
      int d = Integer.compare(rank(after), rank(before));
      return d > 0 ? Direction.BETTER : d < 0 ? Direction.WORSE : Direction.SAME;
    }

    /** True when nothing about this party changed. */
    public boolean unchanged() {
      return before == after && scoreBefore == scoreAfter && flips.isEmpty();
    }
  }

  /** The rank of a verdict: higher is closer to acceptance. */
  static int rank(Verdict v) {
    return switch (v) {
      case REJECTS -> 0;
      case UNDETERMINED -> 1;
      case OBJECTS -> 2;
      case ACCEPTS -> 3;
    };
  }

  /** Compares {@code draft} against {@code base}; both evaluated by the same rule book. */
  public static Comparison of(Evaluation base, Evaluation draft) {
    List<TermChange> terms = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(base.proposal().terms().keySet());
    names.addAll(draft.proposal().terms().keySet());
    for (String t : names) {
      TermValue a = base.proposal().terms().get(t);
      TermValue b = draft.proposal().terms().get(t);
      if (!Objects.equals(a, b)) {
        terms.add(new TermChange(t, a, b));
      }
    }
    List<PartyChange> parties = new ArrayList<>();
    for (PartyResult a : base.parties()) {
      PartyResult b = draft.party(a.party().code()).orElse(null);
      if (b == null) {
        continue;
      }
      Map<String, ConstraintResult> after = new java.util.HashMap<>();
      b.constraints().forEach(c -> after.put(c.constraint().id(), c));
      List<Flip> flips = new ArrayList<>();
      for (ConstraintResult c : a.constraints()) {
        ConstraintResult d = after.get(c.constraint().id());
        if (d != null && d.status() != c.status()) {
          flips.add(new Flip(c.constraint(), c.status(), d.status()));
        }
      }
      parties.add(new PartyChange(a.party(), a.verdict(), b.verdict(), a.score(), b.score(), a.maxScore(), flips));
    }
    return new Comparison(base, draft, terms, parties);
  }
}
