package redline.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The cheapest combinations that pick one option from each of several lists, cheapest first,
 * without listing the whole product: each list must be sorted by cost, and costs are vectors
 * compared lexicographically and added position by position.
 */
final class KBest {
  private KBest() {}

  private record Entry(long[] cost, int[] pick, int last) {}

  private static int compare(Entry a, Entry b) {
    int c = Arrays.compare(a.cost, b.cost);
    return c != 0 ? c : Arrays.compare(a.pick, b.pick);
  }

  /**
   * Up to {@code limit} picks (one option index per list) in order of total cost, stopping
   * before the first whose total is above {@code ceiling} (compared lexicographically; null for
   * none).
   */
  static List<int[]> best(List<List<long[]>> costs, int limit, long[] ceiling) {
    List<int[]> out = new ArrayList<>();
    int m = costs.size();
    for (List<long[]> c : costs) {
      if (c.isEmpty()) {
        return out;
      }
    }
    int width = m == 0 ? 0 : costs.get(0).get(0).length;
    long[] start = new long[width];
    for (List<long[]> c : costs) {
      add(start, c.get(0), 1);
    }
    PriorityQueue<Entry> heap = new PriorityQueue<>(KBest::compare);
    heap.add(new Entry(start, new int[m], 0));
    while (!heap.isEmpty() && out.size() < limit) {
      Entry e = heap.poll();
      if (ceiling != null && Arrays.compare(e.cost, ceiling) > 0) {
        break;
      }
      out.add(e.pick);
      for (int j = e.last; j < m; j++) {
        if (e.pick[j] + 1 < costs.get(j).size()) {
          int[] pick = e.pick.clone();
          pick[j]++;
          long[] cost = e.cost.clone();
          add(cost, costs.get(j).get(e.pick[j]), -1);
          add(cost, costs.get(j).get(pick[j]), 1);
          heap.add(new Entry(cost, pick, j));
        }
      }
    }
    return out;
  }

  private static void add(long[] into, long[] v, int sign) {
    for (int i = 0; i < into.length; i++) {
      into[i] += sign * v[i];
    }
  }
}
