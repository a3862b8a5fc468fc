package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.model.Constraint;

/**
 * A connected group of terms: two terms are in the same group when some considered constraint
 * reads both. Groups are independent, so the space is the product of its groups. The terms are
 * kept in search order (each next term the one most tied to those before it), and each
 * constraint is listed at the level where its last term is assigned.
 */
final class Component {
  final int[] terms;
  final List<Table> hard;
  final List<Table> soft;
  /** {@code hardAt.get(level)}: hard tables complete once {@code level} terms are assigned. */
  final List<List<Integer>> hardAt;
  final List<List<Integer>> softAt;
  /** The coherence rules over the group's terms: never broken, never relaxed. */
  final List<Table> coherent;
  final List<List<Integer>> coherentAt;

  private Component(int[] terms, List<Table> hard, List<Table> soft, List<Table> coherent) {
    this.terms = terms;
    this.hard = List.copyOf(hard);
    this.soft = List.copyOf(soft);
    this.coherent = List.copyOf(coherent);
    int[] level = new int[Arrays.stream(terms).max().orElse(-1) + 1];
    for (int i = 0; i < terms.length; i++) {
      level[terms[i]] = i + 1;
    }
    this.hardAt = at(hard, level, terms.length);
    this.softAt = at(soft, level, terms.length);
    this.coherentAt = at(coherent, level, terms.length);
  }

  /**
   * False when a coherence rule complete at {@code level} is broken by {@code assignment}; a
   * rule reading a term marked in {@code open} (left open, so any value may follow) is skipped.
   */
  boolean coherent(int level, int[] assignment, boolean[] open) {
    for (int k : coherentAt.get(level)) {
      Table t = coherent.get(k);
      if (open != null && readsOpen(t, open)) {
        continue;
      }
      if (t.isBroken(assignment)) {
        return false;
      }
    }
    return true;
  }

  /** True when {@code t} reads a term marked in {@code open}. */
  static boolean readsOpen(Table t, boolean[] open) {
    for (int i = 0; i < t.arity(); i++) {
      if (open[t.term(i)]) {
        return true;
      }
    }
    return false;
  }

  /** The hard tables, then the coherence rules: what a candidate value's class must respect. */
  List<Table> hardAndCoherent() {
    List<Table> out = new ArrayList<>(hard);
    out.addAll(coherent);
    return out;
  }

  private static List<List<Integer>> at(List<Table> tables, int[] level, int n) {
    List<List<Integer>> out = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      out.add(new ArrayList<>());
    }
    for (int k = 0; k < tables.size(); k++) {
      int l = 0;
      for (int t : tables.get(k).termIndexes()) {
        l = Math.max(l, level[t]);
      }
      out.get(l).add(k);
    }
    return out;
  }

  /** The term groups of {@code space} under {@code problem}'s constraints, in vocabulary order. */
  static List<Component> split(Space space, Problem problem) {
    List<Table> hard = problem.hard().stream().map(c -> space.table(c.id())).toList();
    List<Table> soft = problem.soft().stream().map(c -> space.table(c.id())).toList();
    List<Table> coherence = problem.coherence().stream().map(c -> space.table(c.id())).toList();
    int n = space.terms().size();
    int[] parent = new int[n];
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    List<Table> all = new ArrayList<>(hard);
    all.addAll(soft);
    all.addAll(coherence);
    for (Table t : all) {
      for (int term : t.termIndexes()) {
        used[term] = true;
        union(parent, t.term(0), term);
      }
    }
    Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      if (used[i]) {
        groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      }
    }
    List<Component> out = new ArrayList<>();
    boolean termless = all.stream().anyMatch(t -> t.arity() == 0);
    if (termless) {
      out.add(
          new Component(
              new int[0],
              hard.stream().filter(t -> t.arity() == 0).toList(),
              soft.stream().filter(t -> t.arity() == 0).toList(),
              coherence.stream().filter(t -> t.arity() == 0).toList()));
    }
    for (List<Integer> members : groups.values()) {
      List<Table> h = hard.stream().filter(t -> t.arity() > 0 && members.contains(t.term(0))).toList();
      List<Table> s = soft.stream().filter(t -> t.arity() > 0 && members.contains(t.term(0))).toList();
      List<Table> c = coherence.stream().filter(t -> t.arity() > 0 && members.contains(t.term(0))).toList();
      List<Table> both = new ArrayList<>(h);
      both.addAll(s);
      both.addAll(c);
      out.add(new Component(order(members, both), h, s, c));
    }
    return out;
  }

  /**
   * Search order: the most constrained term first, then the term sharing most constraints with
   * those chosen (ties to the earlier member). The counts are kept up to date as terms are chosen,
   * so ordering a large group costs the size of its tables, not its square.
   */
  private static int[] order(List<Integer> members, List<Table> tables) {
    int size = members.stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    // per term, the tables reading it (a table's terms are distinct: a constraint reads a set)
    List<List<int[]>> readers = new ArrayList<>();
    for (int t = 0; t < size; t++) {
      readers.add(new ArrayList<>());
    }
    long[] reads = new long[size];
    for (Table table : tables) {
      int[] terms = table.termIndexes();
      for (int x : terms) {
        if (x < size) {
          readers.get(x).add(terms);
          reads[x]++;
        }
      }
    }
    long[] tied = new long[size];
    boolean[] chosen = new boolean[size];
    int[] out = new int[members.size()];
    for (int k = 0; k < out.length; k++) {
      int best = -1;
      long bestScore = -1;
      for (int t : members) {
        if (!chosen[t]) {
          long score = tied[t] * 1_000_000L + reads[t];
          if (score > bestScore) {
            best = t;
            bestScore = score;
          }
        }
      }
      out[k] = best;
      chosen[best] = true;
      // every table reading the chosen term now ties each of its terms once more
      for (int[] terms : readers.get(best)) {
        for (int x : terms) {
          if (x < size) {
            tied[x]++;
          }
        }
      }
    }
    return out;
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

  /** The considered constraints of this group, hard first. */
  List<Constraint> constraints() {
    List<Constraint> out = new ArrayList<>();
    hard.forEach(t -> out.add(t.constraint()));
    soft.forEach(t -> out.add(t.constraint()));
    return out;
  }

  /**
   * The candidate values of term {@code t} grouped into classes that {@code tables} cannot tell
   * apart: each class as the array of its members, in the order of {@code candidates}.
   */
  static List<int[]> classes(int t, int[] candidates, List<Table> tables) {
    List<Table> reading = tables.stream().filter(x -> x.reads(t)).toList();
    Map<String, List<Integer>> byKey = new LinkedHashMap<>();
    for (int v : candidates) {
      byKey.computeIfAbsent(Space.signature(t, v, reading), k -> new ArrayList<>()).add(v);
    }
    return byKey.values().stream().map(m -> m.stream().mapToInt(Integer::intValue).toArray()).toList();
  }
}
