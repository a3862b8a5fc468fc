package redline.check;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redline.engine.Decisions;

/**
 * Finds every minimal set of constraints that no proposal can satisfy together, exactly: a
 * breadth-first search over sets connected by shared terms (a minimal set is always connected),
 * growing only sets that can still be satisfied, so pairs come first, then triples, and so on.
 */
final class Unsatisfiable {
  /** How many sets the search may examine before it gives up, as a guard against blow-up. */
  static final int LIMIT = 200_000;

  /** The minimal sets, as indexes into the tables given, and whether the search stopped early. */
  record Result(List<int[]> sets, boolean truncated, int largestSize) {}

  private Unsatisfiable() {}

  /** The minimal unsatisfiable sets among {@code tables}, none of which is unsatisfiable alone. */
  static Result find(Space space, List<Decisions.Table> tables) {
    int n = tables.size();
    List<BitSet> neighbours = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BitSet b = new BitSet();
      for (int j = 0; j < n; j++) {
        if (i != j && shareTerm(tables.get(i), tables.get(j))) {
          b.set(j);
        }
      }
      neighbours.add(b);
    }
    Map<BitSet, Boolean> memo = new HashMap<>();
    List<int[]> found = new ArrayList<>();
    List<BitSet> level = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      BitSet b = new BitSet();
      b.set(i);
      level.add(b);
      memo.put(b, true);
    }
    int examined = 0;
    int size = 1;
    boolean truncated = false;
    while (!level.isEmpty()) {
      Set<BitSet> next = new LinkedHashSet<>();
      for (BitSet s : level) {
        BitSet around = new BitSet();
        s.stream().forEach(i -> around.or(neighbours.get(i)));
        around.andNot(s);
        for (int c = around.nextSetBit(0); c >= 0; c = around.nextSetBit(c + 1)) {
          BitSet t = (BitSet) s.clone();
          t.set(c);
          next.add(t);
        }
      }
      size++;
      List<BitSet> satisfiable = new ArrayList<>();
      for (BitSet t : next) {
        if (++examined > LIMIT) {
          truncated = true;
          break;
        }
        if (sat(space, tables, t, memo)) {
          satisfiable.add(t);
        } else if (minimal(space, tables, t, memo)) {
          found.add(t.stream().toArray());
        }
      }
      if (truncated) {
        break;
      }
      level = satisfiable;
    }
    found.sort(Comparator.<int[]>comparingInt(a -> a.length).thenComparing(Unsatisfiable::compare));
    return new Result(found, truncated, size);
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return Integer.compare(a.length, b.length);
  }

  private static boolean minimal(Space space, List<Decisions.Table> tables, BitSet t, Map<BitSet, Boolean> memo) {
    for (int e = t.nextSetBit(0); e >= 0; e = t.nextSetBit(e + 1)) {
      BitSet without = (BitSet) t.clone();
      without.clear(e);
      if (!sat(space, tables, without, memo)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sat(Space space, List<Decisions.Table> tables, BitSet s, Map<BitSet, Boolean> memo) {
    Boolean known = memo.get(s);
    if (known != null) {
      return known;
    }
    List<Decisions.Table> chosen = new ArrayList<>();
    s.stream().forEach(i -> chosen.add(tables.get(i)));
    boolean result = space.satisfiable(chosen);
    memo.put((BitSet) s.clone(), result);
    return result;
  }

  private static boolean shareTerm(Decisions.Table a, Decisions.Table b) {
    for (String t : a.terms()) {
      if (b.terms().contains(t)) {
        return true;
      }
    }
    return false;
  }
}
