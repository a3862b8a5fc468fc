package redline.explore;

import java.util.List;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Party;
import redline.model.Proposal;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * What {@code nearest} found for a draft: the smallest sets of term changes after which no
 * considered party rejects, each re-evaluated by the engine. Immutable.
 *
 * @param open the terms the draft leaves open
 * @param settle the open terms that a considered red line reads: every suggestion sets them
 *     (without counting them as changes), since an open red line can hide a rejection
 * @param blocked the terms of the groups on which no value at all keeps every considered party
 *     from rejecting (the zone is empty there): when not empty, no change can succeed
 * @param suggestions cheapest first: by number of changes, then by preference score lost
 * @param minimum the fewest changes that suffice, or -1 when none within {@code maxChanges}
 * @param atLeast when there is no suggestion: a lower bound on the changes needed
 * @param partial true when the search was stopped before it finished
 * @param ranges how the values found are shown (number classes as ranges)
 */
public record Suggestions(
    Proposal draft,
    Evaluation before,
    List<Party> parties,
    boolean objections,
    int maxChanges,
    List<String> open,
    List<String> settle,
    List<String> blocked,
    List<Suggestion> suggestions,
    int minimum,
    int atLeast,
    boolean partial,
    List<Diagnostic> errors,
    Ranges ranges) {

  public Suggestions {
    parties = List.copyOf(parties);
    open = List.copyOf(open);
    settle = List.copyOf(settle);
    blocked = List.copyOf(blocked);
    suggestions = List.copyOf(suggestions);
    errors = List.copyOf(errors);
  }

  /** One term change; {@code from} is null when the draft leaves the term open. */
  public record Change(String term, TermValue from, TermValue to) {
    /** True when this sets an open term rather than changing a set one. */
    public boolean settles() {
      return from == null;
    }
  }

  /**
   * A suggestion: the changes, the proposal they give, its evaluation by the engine, the total
   * preference score the considered parties lose (negative when they gain) and its effect on
   * each party.
   */
  public record Suggestion(List<Change> changes, Proposal proposal, Evaluation after, int lost, List<Effect> effects) {
    public Suggestion {
      changes = List.copyOf(changes);
      effects = List.copyOf(effects);
    }

    /** The number of changes to terms the draft sets (settling open terms is not counted). */
    public int size() {
      return (int) changes.stream().filter(c -> !c.settles()).count();
    }
  }

  /**
   * What a suggestion does to one party: its verdict and score before and after, the red lines
   * and objections it fixes or breaks, and the preferences it costs or gains.
   */
  public record Effect(
      Party party,
      boolean considered,
      Verdict before,
      Verdict after,
      int scoreBefore,
      int scoreAfter,
      List<Constraint> fixes,
      List<Constraint> breaks,
      List<Constraint> costs,
      List<Constraint> gains) {
    public Effect {
      fixes = List.copyOf(fixes);
      breaks = List.copyOf(breaks);
      costs = List.copyOf(costs);
      gains = List.copyOf(gains);
    }
  }
}
