package redline.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@link Solver} per group of tables tied by shared terms, made when first asked: a question
 * about a few terms is put only to the solver of their group, so it never has to assign the rest
 * of the vocabulary. A question over several groups is the conjunction of its parts, since
 * groups share no term.
 */
public final class Solvers {
  private final Space space;
  private final Map<Table, Integer> groupOf = new HashMap<>();
  private final List<List<Table>> groups = new ArrayList<>();
  private final Map<Integer, Solver> made = new HashMap<>();

  /** The solvers of {@code tables}, tables of {@code space}. */
  public Solvers(Space space, List<Table> tables) {
    this.space = space;
    int n = space.terms().size();
    int[] parent = new int[n + 1]; // the last stands for the tables that read no term
    for (int i = 0; i <= n; i++) {
      parent[i] = i;
    }
    for (Table t : tables) {
      for (int i = 1; i < t.arity(); i++) {
        union(parent, t.term(0), t.term(i));
      }
    }
    Map<Integer, Integer> byRoot = new LinkedHashMap<>();
    for (Table t : tables) {
      int root = find(parent, t.arity() == 0 ? n : t.term(0));
      int g = byRoot.computeIfAbsent(root, r -> {
        groups.add(new ArrayList<>());
        return groups.size() - 1;
      });
      groups.get(g).add(t);
      groupOf.putIfAbsent(t, g);
    }
  }

  /** The solver of the group of {@code t}. */
  public Solver of(Table t) {
    Integer g = groupOf.get(t);
    if (g == null) {
      throw new IllegalArgumentException("no solver was made for `" + t.constraint().id() + "`");
    }
    return made.computeIfAbsent(g, k -> new Solver(space, groups.get(k)));
  }

  /** Whether some proposal satisfies every table of {@code satisfy} and breaks every one of {@code breakAll}. */
  public boolean exists(List<Table> satisfy, List<Table> breakAll) {
    Map<Integer, List<List<Table>>> parts = new LinkedHashMap<>();
    for (Table t : satisfy) {
      parts.computeIfAbsent(groupOf.get(t), k -> List.of(new ArrayList<>(), new ArrayList<>())).get(0).add(t);
    }
    for (Table t : breakAll) {
      parts.computeIfAbsent(groupOf.get(t), k -> List.of(new ArrayList<>(), new ArrayList<>())).get(1).add(t);
    }
    for (List<List<Table>> p : parts.values()) {
      Table any = p.get(0).isEmpty() ? p.get(1).get(0) : p.get(0).get(0);
      if (!of(any).exists(p.get(0), p.get(1))) {
        return false;
      }
    }
    return true;
  }

  /** How many questions all the solvers have answered. */
  public long calls() {
    return made.values().stream().mapToLong(Solver::calls).sum();
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static void union(int[] parent, int a, int b) {
    parent[find(parent, a)] = find(parent, b);
  }
}
