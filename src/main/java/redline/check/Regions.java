package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.model.Limit;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.TermValue;

/**
 * Describes a set of a term's values in an analyst's words: the options of a {@code one} term,
 * ranges of a {@code number} term, and for a {@code set} term the fewest conditions of the form
 * "sets with X but without Y" that cover exactly those sets.
 */
public final class Regions {
  /** Set terms with more options than this are described by a count of sets. */
  private static final int MAX_SET_OPTIONS = 8;

  private Regions() {}

  /** The values of {@code term} (over {@code domain}) that {@code chosen} marks, described. */
  public static List<String> describe(Term term, List<TermValue> domain, boolean[] chosen) {
    return switch (term.kind()) {
      case ONE -> options(domain, chosen);
      case NUMBER -> ranges(domain, chosen);
      case SET -> sets(term, domain, chosen);
    };
  }

  private static List<String> options(List<TermValue> domain, boolean[] chosen) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < domain.size(); i++) {
      if (chosen[i]) {
        out.add(domain.get(i).render());
      }
    }
    return out;
  }

  /** Each boundary value stands for the numbers from it up to the next boundary value. */
  private static List<String> ranges(List<TermValue> domain, boolean[] chosen) {
    List<Integer> points = new ArrayList<>();
    domain.forEach(v -> points.add(((TermValue.Number) v).value()));
    List<String> out = new ArrayList<>();
    int finite = points.contains(Limit.NONE) ? points.size() - 1 : points.size();
    int i = 0;
    while (i < finite) {
      if (!chosen[i]) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < finite && chosen[j + 1]) {
        j++;
      }
      int from = points.get(i);
      if (j + 1 >= finite) {
        out.add(from == 0 ? "any number" : from + " or more");
      } else {
        int to = points.get(j + 1) - 1;
        out.add(from == to ? Integer.toString(from) : from == 0 ? "at most " + to : from + " to " + to);
      }
      i = j + 1;
    }
    if (finite < points.size() && chosen[finite]) {
      out.add("NONE");
    }
    return out;
  }

  private static List<String> sets(Term term, List<TermValue> domain, boolean[] chosen) {
    List<String> options = new ArrayList<>(term.options().keySet());
    int n = options.size();
    int count = 0;
    for (boolean b : chosen) {
      count += b ? 1 : 0;
    }
    if (count == 0) {
      return List.of();
    }
    if (count == domain.size()) {
      return List.of("any set");
    }
    if (n > MAX_SET_OPTIONS || term.kind() != TermKind.SET) {
      return List.of(count + " of " + domain.size() + " sets");
    }
    boolean[] byMask = new boolean[1 << n];
    for (int i = 0; i < domain.size(); i++) {
      int mask = 0;
      for (String o : ((TermValue.Many) domain.get(i)).options()) {
        mask |= 1 << options.indexOf(o);
      }
      byMask[mask] = chosen[i];
    }
    // prime implicants: cubes (care, value) all of whose sets are chosen and that lose that
    // property when any literal is dropped
    List<int[]> primes = new ArrayList<>();
    for (int care = 0; care < (1 << n); care++) {
      for (int value = care; ; value = (value - 1) & care) {
        if (covers(byMask, n, care, value) && prime(byMask, n, care, value)) {
          primes.add(new int[] {care, value});
        }
        if (value == 0) {
          break;
        }
      }
    }
    // greedy cover, largest cube first, ties in a fixed order
    boolean[] left = byMask.clone();
    List<String> out = new ArrayList<>();
    while (true) {
      int[] best = null;
      int bestGain = 0;
      for (int[] p : primes) {
        int gain = 0;
        for (int m = 0; m < (1 << n); m++) {
          if (left[m] && (m & p[0]) == p[1]) {
            gain++;
          }
        }
        if (gain > bestGain) {
          best = p;
          bestGain = gain;
        }
      }
      if (best == null) {
        break;
      }
      for (int m = 0; m < (1 << n); m++) {
        if ((m & best[0]) == best[1]) {
          left[m] = false;
        }
      }
      out.add(cube(options, best[0], best[1]));
    }
    return out;
  }

  private static boolean covers(boolean[] byMask, int n, int care, int value) {
    for (int m = 0; m < (1 << n); m++) {
      if ((m & care) == value && !byMask[m]) {
        return false;
      }
    }
    return true;
  }

  private static boolean prime(boolean[] byMask, int n, int care, int value) {
    for (int bit = 0; bit < n; bit++) {
      if ((care & (1 << bit)) != 0 && covers(byMask, n, care & ~(1 << bit), value & ~(1 << bit))) {
        return false;
      }
    }
    return true;
  }

  /** E.g. {@code sets with A but without B}, {@code sets with neither A nor B}. */
  private static String cube(List<String> options, int care, int value) {
    List<String> with = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (int bit = 0; bit < options.size(); bit++) {
      if ((care & (1 << bit)) != 0) {
        ((value & (1 << bit)) != 0 ? with : without).add(options.get(bit));
      }
    }
    String lacking =
        without.isEmpty()
            ? ""
            : without.size() == 1
                ? "without " + without.get(0)
                : without.size() == 2
                    ? "with neither " + without.get(0) + " nor " + without.get(1)
                    : "with none of " + String.join(" / ", without);
    if (with.isEmpty()) {
      return "sets " + lacking;
    }
    return "sets with " + String.join(" and ", with) + (lacking.isEmpty() ? "" : " but " + lacking);
  }
}
