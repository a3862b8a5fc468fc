package redline.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * The two minimal-set questions of the analysis, answered exactly with the SAT solver: the
 * minimal sets of constraints whose relaxation lets some proposal satisfy all the others
 * (minimal correction sets: {@code explore}'s relaxations), and the minimal sets of constraints
 * no proposal satisfies together (minimal unsatisfiable sets: {@code check}'s conflicts). Both
 * are found smallest first, so a search stopped by its budget is still complete up to a size.
 */
public final class Minimal {
  private Minimal() {}

  /**
   * What a search found: the sets, as positions in the list of tables given, smallest first and
   * then in list order; whether it stopped before it was complete; and the size up to which it is
   * complete (every set of that size or smaller is listed).
   */
  public record Result(List<List<Integer>> sets, boolean truncated, int completeUpTo) {
    public Result {
      sets = sets.stream().map(List::copyOf).toList();
    }
  }

  /**
   * The minimal correction sets of {@code hard}: the minimal sets of them that some proposal
   * breaks while it satisfies every other one of {@code hard} and every one of {@code always}
   * (never relaxed), with the terms of {@code fixed} (a value index, or -1) fixed. The solver must
   * hold all these tables, and is used up by the search (it learns blocking clauses).
   */
  public static Result corrections(Solver solver, List<Table> hard, List<Table> always, int[] fixed, BooleanSupplier cancelled) {
    int[] base = Solver.concat(solver.fixing(fixed), solver.satisfyLiterals(always));
    int[] select = solver.satisfyLiterals(hard);
    List<BitSet> found = new ArrayList<>();
    boolean stopped = false;
    int complete = -1;
    for (int k = 0; k <= hard.size() && !stopped; k++) {
      if (!solver.solve(base)) {
        complete = hard.size(); // every correction set is found and blocked
        break;
      }
      IConstr atMost;
      try {
        atMost = solver.atLeast(select, hard.size() - k); // at most k relaxed
      } catch (ContradictionException e) {
        continue;
      }
      while (solver.solve(base)) {
        if (cancelled.getAsBoolean()) {
          stopped = true;
          break;
        }
        BitSet broken = solver.brokenIn(hard);
        found.add(broken);
        int[] block = broken.stream().map(i -> select[i]).toArray(); // not all of them relaxed again
        if (!solver.clause(block)) {
          break;
        }
      }
      solver.remove(atMost);
      if (!stopped) {
        complete = k;
      }
    }
    return result(found, stopped, Math.max(complete, 0));
  }

  /**
   * The minimal sets of {@code tables} (each satisfiable on its own) that no proposal satisfies
   * together with the coherence rules {@code coherence} linked to them. Searched per group of
   * tables tied by shared terms, size by size: a map of the sets still unknown (a second SAT
   * solver over one variable per table) proposes a set of the current size; a set that some
   * proposal satisfies rules out every set that proposal satisfies, and a set that none does is
   * minimal (all smaller ones are known) and rules out its supersets. A group stops at the
   * largest size a minimal set can have: one more than the most tables a proposal satisfies at
   * once. {@code budget} bounds the solver calls.
   */
  public static Result unsatisfiable(Solvers solvers, List<Table> tables, List<Table> coherence, long budget, BooleanSupplier cancelled) {
    List<BitSet> found = new ArrayList<>();
    int complete = Integer.MAX_VALUE;
    boolean truncated = false;
    long start = solvers.calls();
    for (List<Integer> group : groups(tables, coherence)) {
      List<Table> members = group.stream().map(tables::get).toList();
      Group g = new Group(solvers.of(members.get(0)), members, linked(members, coherence));
      int upTo = g.search(budget - (solvers.calls() - start), cancelled);
      for (BitSet s : g.found) {
        BitSet mapped = new BitSet();
        s.stream().forEach(i -> mapped.set(group.get(i)));
        found.add(mapped);
      }
      if (upTo < Integer.MAX_VALUE) {
        truncated = true;
        complete = Math.min(complete, upTo);
      }
    }
    return result(found, truncated, truncated ? complete : tables.size());
  }

  private static Result result(List<BitSet> found, boolean truncated, int completeUpTo) {
    List<List<Integer>> sets = new ArrayList<>();
    for (BitSet b : found) {
      sets.add(b.stream().boxed().toList());
    }
    sets.sort(Comparator.<List<Integer>>comparingInt(List::size).thenComparing(Minimal::compare));
    return new Result(sets, truncated, completeUpTo);
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** The coherence rules tied to the terms of {@code tables}, directly or through each other. */
  public static List<Table> linked(List<Table> tables, List<Table> coherence) {
    List<Table> reached = new ArrayList<>(tables);
    List<Table> out = new ArrayList<>();
    List<Table> left = new ArrayList<>(coherence);
    left.removeAll(tables);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (java.util.Iterator<Table> it = left.iterator(); it.hasNext(); ) {
        Table c = it.next();
        if (c.arity() > 0 && reached.stream().anyMatch(c::sharesTerm)) {
          reached.add(c);
          out.add(c);
          it.remove();
          grew = true;
        }
      }
    }
    return out;
  }

  /** The groups of {@code tables} tied by shared terms (a coherence rule ties the terms it reads). */
  static List<List<Integer>> groups(List<Table> tables, List<Table> coherence) {
    int n = tables.size();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        Table a = tables.get(i);
        Table b = tables.get(j);
        boolean tied = a.sharesTerm(b) || (a.arity() == 0 && b.arity() == 0);
        if (!tied) {
          List<Table> viaA = linked(List.of(a), coherence);
          tied = viaA.stream().anyMatch(b::sharesTerm);
        }
        if (tied) {
          parent[find(parent, i)] = find(parent, j);
        }
      }
    }
    java.util.Map<Integer, List<Integer>> byRoot = new java.util.TreeMap<>();
    for (int i = 0; i < n; i++) {
      byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
    }
    List<List<Integer>> out = new ArrayList<>(byRoot.values());
    out.sort(Comparator.comparingInt(l -> l.get(0)));
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The search over one group: the real solver, and the map of the sets not yet known. */
  private static final class Group {
    final Solver solver;
    final List<Table> members;
    final int[] base;
    final int[] select;
    final List<BitSet> found = new ArrayList<>();

    Group(Solver solver, List<Table> members, List<Table> coherence) {
      this.solver = solver;
      this.members = members;
      this.base = solver.satisfyLiterals(coherence);
      this.select = solver.satisfyLiterals(members);
    }

    /** Searches; returns the size up to which it is complete when stopped, else MAX_VALUE. */
    int search(long budget, BooleanSupplier cancelled) {
      int n = members.size();
      int most = mostSatisfied();
      if (most < 0) {
        return 0; // the coherence rules alone exclude everything: nothing to say about conflicts
      }
      long start = solver.calls();
      List<int[]> blocks = new ArrayList<>();
      for (int k = 2; k <= Math.min(n, most + 1); k++) {
        // a fresh map per size: every set ruled out so far, and exactly k members
        ISolver map = SolverFactory.newDefault();
        map.newVar(n);
        try {
          for (int[] b : blocks) {
            map.addClause(new VecInt(b));
          }
        } catch (ContradictionException e) {
          return Integer.MAX_VALUE; // no set of any size is left
        }
        try {
          map.addAtLeast(new VecInt(all(n)), k);
          map.addAtMost(new VecInt(all(n)), k);
        } catch (ContradictionException e) {
          continue; // no set of this size is left; a larger one may be
        }
        try {
          while (map.isSatisfiable()) {
            if (solver.calls() - start > budget || cancelled.getAsBoolean()) {
              return k - 1;
            }
            BitSet s = new BitSet();
            for (int lit : map.model()) {
              if (lit > 0) {
                s.set(lit - 1);
              }
            }
            int[] block;
            if (solver.solve(Solver.concat(base, s.stream().map(i -> select[i]).toArray()))) {
              BitSet broken = solver.brokenIn(members);
              if (broken.isEmpty()) {
                return Integer.MAX_VALUE; // one proposal satisfies the whole group
              }
              // every set inside what this proposal satisfies is satisfiable: rule them out
              block = broken.stream().map(i -> i + 1).toArray();
            } else {
              found.add(s); // minimal: every smaller set is known
              block = s.stream().map(i -> -(i + 1)).toArray();
            }
            blocks.add(block);
            map.addClause(new VecInt(block.clone()));
          }
        } catch (ContradictionException e) {
          // the last block leaves no set of this size
        } catch (TimeoutException e) {
          return k - 1;
        }
      }
      return Integer.MAX_VALUE;
    }

    /** The most members one proposal satisfies at once (with the coherence rules), or -1 if none exists. */
    private int mostSatisfied() {
      if (!solver.solve(base)) {
        return -1;
      }
      int best = members.size() - solver.brokenIn(members).cardinality();
      while (best < members.size()) {
        IConstr c;
        try {
          c = solver.atLeast(select, best + 1);
        } catch (ContradictionException e) {
          break;
        }
        boolean more = solver.solve(base);
        if (more) {
          best = members.size() - solver.brokenIn(members).cardinality();
        }
        solver.remove(c);
        if (!more) {
          break;
        }
      }
      return best;
    }

    private static int[] all(int n) {
      int[] out = new int[n];
      for (int i = 0; i < n; i++) {
        out[i] = i + 1;
      }
      return out;
    }
  }
}
