package redline.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import redline.engine.Decisions;

/**
 * The finite space of proposals the decision tables span: one variable per term, ranging over
 * the term's domain. Combines tables exactly, by a backtracking search over the terms the
 * tables read, assigning terms in vocabulary order and checking each table as soon as its last
 * term is set.
 */
final class Space {
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] sizes;
  /** The coherence rules: every proposal the space holds satisfies them. */
  private final List<Decisions.Table> coherence = new ArrayList<>();

  Space(Decisions decisions) {
    for (Decisions.Table t : decisions.tables().values()) {
      if (t.constraint().kind() == redline.model.Kind.COHERENCE) {
        coherence.add(t);
      }
    }
    List<String> terms = new ArrayList<>(decisions.domains().keySet());
    sizes = new int[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      index.put(terms.get(i), i);
      sizes[i] = decisions.domains().get(terms.get(i)).size();
    }
  }

  /** The global variable index of each term a table reads, in the table's order. */
  int[] vars(Decisions.Table t) {
    int[] v = new int[t.terms().size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = index.get(t.terms().get(i));
    }
    return v;
  }

  /** Whether some proposal satisfies every table of {@code satisfy} and breaks every one of {@code breakAll}. */
  boolean exists(List<Decisions.Table> satisfy, List<Decisions.Table> breakAll) {
    // the coherence rules linked, directly or through each other, to the terms asked about
    List<Decisions.Table> linked = new ArrayList<>(satisfy);
    java.util.Set<String> reached = new java.util.HashSet<>();
    satisfy.forEach(t -> reached.addAll(t.terms()));
    breakAll.forEach(t -> reached.addAll(t.terms()));
    List<Decisions.Table> left = new ArrayList<>(coherence);
    left.removeAll(satisfy);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (java.util.Iterator<Decisions.Table> it = left.iterator(); it.hasNext(); ) {
        Decisions.Table c = it.next();
        if (c.terms().stream().anyMatch(reached::contains)) {
          reached.addAll(c.terms());
          linked.add(c);
          it.remove();
          grew = true;
        }
      }
    }
    satisfy = linked;
    List<Decisions.Table> tables = new ArrayList<>(satisfy);
    tables.addAll(breakAll);
    TreeSet<Integer> union = new TreeSet<>();
    List<int[]> vars = new ArrayList<>();
    for (Decisions.Table t : tables) {
      int[] v = vars(t);
      vars.add(v);
      for (int x : v) {
        union.add(x);
      }
    }
    int[] order = union.stream().mapToInt(Integer::intValue).toArray();
    Map<Integer, Integer> depthOf = new HashMap<>();
    for (int d = 0; d < order.length; d++) {
      depthOf.put(order[d], d);
    }
    // the tables to check once depth d is assigned: those whose last variable sits at depth d
    List<List<Integer>> checkAt = new ArrayList<>();
    for (int d = 0; d <= order.length; d++) {
      checkAt.add(new ArrayList<>());
    }
    for (int k = 0; k < tables.size(); k++) {
      int last = -1;
      for (int x : vars.get(k)) {
        last = Math.max(last, depthOf.get(x));
      }
      checkAt.get(last + 1).add(k);
    }
    int[] assignment = new int[sizes.length];
    // tables that read no term are decided before any assignment
    for (int k : checkAt.get(0)) {
      if (!holds(tables.get(k), vars.get(k), assignment, k >= satisfy.size())) {
        return false;
      }
    }
    return search(0, order, checkAt, tables, vars, satisfy.size(), assignment);
  }

  private boolean search(
      int depth,
      int[] order,
      List<List<Integer>> checkAt,
      List<Decisions.Table> tables,
      List<int[]> vars,
      int satisfyCount,
      int[] assignment) {
    if (depth == order.length) {
      return true;
    }
    int var = order[depth];
    for (int value = 0; value < sizes[var]; value++) {
      assignment[var] = value;
      boolean ok = true;
      for (int k : checkAt.get(depth + 1)) {
        if (!holds(tables.get(k), vars.get(k), assignment, k >= satisfyCount)) {
          ok = false;
          break;
        }
      }
      if (ok && search(depth + 1, order, checkAt, tables, vars, satisfyCount, assignment)) {
        return true;
      }
    }
    return false;
  }

  private static boolean holds(Decisions.Table t, int[] vars, int[] assignment, boolean mustBreak) {
    int row = 0;
    int[] sizes = t.sizes();
    for (int i = 0; i < vars.length; i++) {
      row = row * sizes[i] + assignment[vars[i]];
    }
    return t.isBroken(row) == mustBreak;
  }

  /** Whether some proposal satisfies all the given tables together. */
  boolean satisfiable(List<Decisions.Table> tables) {
    return exists(tables, List.of());
  }

  /** Whether every proposal that breaks {@code a} also breaks {@code b}. */
  boolean implies(Decisions.Table a, Decisions.Table b) {
    return !exists(List.of(b), List.of(a));
  }
}
