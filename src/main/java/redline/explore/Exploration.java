package redline.explore;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Party;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * What {@code explore} found over the whole space: whether some proposal breaks no considered
 * party's red line (the zone of possible agreement), how many do, the best of them, and when
 * there are none, the minimal sets of red lines whose relaxation would open the zone. Exact
 * unless {@code partial} (the search was stopped). Immutable.
 *
 * @param spaceSize the number of proposals the vocabulary allows (number terms counted by the
 *     ranges the rules tell apart), with the fixed terms fixed
 * @param zoneSize how many of them no considered party rejects
 * @param zoneValues the terms the zone narrows (not fixed, and some of their values are outside
 *     the zone), each with the values it takes somewhere in the zone; empty when the zone is empty
 * @param front the Pareto front over the parties' preference scores, best maximin first, at
 *     most the limit asked for
 * @param frontSize the number of points on the whole front
 * @param maximin the proposal that maximises the worst-off party's normalised score, or null
 * @param blocked the term groups with no acceptable combination, each with its minimal relaxations
 * @param relaxations the smallest minimal relaxations that open the whole zone, at most the limit
 * @param relaxationCount how many minimal relaxations there are in all
 * @param partySets the minimal sets of parties whose red lines, all dropped, open the zone
 * @param groups the number of independent term groups searched
 * @param ranges how the values found are shown (number classes as ranges)
 */
public record Exploration(
    List<Party> parties,
    boolean objections,
    Map<String, TermValue> fixed,
    BigInteger spaceSize,
    BigInteger zoneSize,
    Map<String, List<TermValue>> zoneValues,
    List<Integer> maxScores,
    List<Point> front,
    int frontSize,
    Point maximin,
    List<Blocked> blocked,
    List<Relaxation> relaxations,
    BigInteger relaxationCount,
    List<List<Party>> partySets,
    int groups,
    boolean partial,
    List<Diagnostic> errors,
    Ranges ranges) {

  public Exploration {
    parties = List.copyOf(parties);
    fixed = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fixed));
    zoneValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(zoneValues));
    maxScores = List.copyOf(maxScores);
    front = List.copyOf(front);
    blocked = List.copyOf(blocked);
    relaxations = List.copyOf(relaxations);
    partySets = partySets.stream().map(List::copyOf).toList();
    errors = List.copyOf(errors);
  }

  /** True when some proposal breaks no considered party's red line. */
  public boolean hasZone() {
    return zoneSize.signum() > 0;
  }

  /**
   * One proposal of the zone: every term set, each considered party's preference score, and
   * that score normalised by the party's highest possible score (in -1..1).
   */
  public record Point(Proposal proposal, List<Integer> scores, List<Double> normalised, double worst) {
    public Point {
      scores = List.copyOf(scores);
      normalised = List.copyOf(normalised);
    }
  }

  /** A set of red lines whose relaxation would open the zone, and the parties that would move. */
  public record Relaxation(List<Constraint> constraints, List<Party> parties) {
    public Relaxation {
      constraints = List.copyOf(constraints);
      parties = List.copyOf(parties);
    }
  }

  /** A group of terms on which every combination breaks some red line, and how to open it. */
  public record Blocked(List<String> terms, List<Relaxation> relaxations) {
    public Blocked {
      terms = List.copyOf(terms);
      relaxations = List.copyOf(relaxations);
    }
  }
}
