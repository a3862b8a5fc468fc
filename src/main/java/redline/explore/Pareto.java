package redline.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/** Pareto pruning of score vectors: keeps the items no other item is at least as good as everywhere. */
final class Pareto {
  private Pareto() {}

  /** The non-dominated items, one per distinct vector (the first met), best total first. */
  static <T> List<T> front(List<T> items, Function<T, int[]> scores) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(
        Comparator.<T>comparingLong(x -> -sum(scores.apply(x)))
            .thenComparing((a, b) -> Arrays.compare(scores.apply(b), scores.apply(a))));
    List<T> kept = new ArrayList<>();
    List<int[]> keptScores = new ArrayList<>();
    for (T item : sorted) {
      int[] s = scores.apply(item);
      boolean dominated = false;
      for (int[] k : keptScores) {
        if (atLeast(k, s)) {
          dominated = true;
          break;
        }
      }
      if (!dominated) {
        kept.add(item);
        keptScores.add(s);
      }
    }
    return kept;
  }

  /** True when {@code a} is at least {@code b} in every position. */
  static boolean atLeast(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] < b[i]) {
        return false;
      }
    }
    return true;
  }

  private static long sum(int[] s) {
    long t = 0;
    for (int x : s) {
      t += x;
    }
    return t;
  }
}
