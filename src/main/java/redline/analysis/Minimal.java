package redline.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.minisat.orders.PositiveLiteralSelectionStrategy;
import org.sat4j.minisat.orders.VarOrderHeap;
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
   * tables tied by shared terms, with a map of the sets not yet known (see {@link Group}); the
   * sets come back smallest first. {@code budget} bounds the solver calls; a search it stops
   * says up to which size it is complete.
   */
  public static Result unsatisfiable(Solvers solvers, List<Table> tables, List<Table> coherence, long budget, BooleanSupplier cancelled) {
    return unsatisfiable(solvers, tables, coherence, budget, cancelled, new Memo());
  }

  /**
   * What the searches of {@link #unsatisfiable} found per group, kept for another search over
   * other tables that has some of the same groups (the checker looks at the positions of many
   * days, most of whose groups are unchanged): a group's sets depend only on its tables.
   */
  public static final class Memo {
    private final java.util.Map<List<List<Table>>, Searched> known = new java.util.HashMap<>();
  }

  private record Searched(List<BitSet> found, int upTo) {}

  /** As {@link #unsatisfiable(Solvers, List, List, long, BooleanSupplier)}, reusing what {@code memo} knows. */
  public static Result unsatisfiable(Solvers solvers, List<Table> tables, List<Table> coherence, long budget, BooleanSupplier cancelled, Memo memo) {
    List<BitSet> found = new ArrayList<>();
    int complete = Integer.MAX_VALUE;
    boolean truncated = false;
    long start = solvers.calls();
    for (List<Integer> group : groups(tables, coherence)) {
      List<Table> members = group.stream().map(tables::get).toList();
      List<Table> tied = linked(members, coherence);
      List<List<Table>> key = List.of(members, tied);
      Searched searched = memo.known.get(key);
      if (searched == null) {
        Group g = new Group(solvers.of(members.get(0)), members, tied);
        int upTo = g.search(budget - (solvers.calls() - start), cancelled);
        searched = new Searched(List.copyOf(g.found), upTo);
        if (upTo == Integer.MAX_VALUE) {
          memo.known.put(key, searched); // a search cut short by the budget or a cancel is not kept
        }
      }
      int upTo = searched.upTo();
      for (BitSet s : searched.found()) {
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

  /**
   * The search over one group (the MARCO scheme of Liffiton and others): a map solver, one
   * variable per member, holds what is known; its largest model not yet ruled out is a seed. A
   * seed some proposal satisfies rules out every set that proposal satisfies; a seed none does is
   * shrunk, one member at a time, to a minimal set, which rules out its supersets. The search
   * ends when the map has no model: every set is then known, so every minimal one is found.
   */
  private static final class Group {
    final Solver solver;
    final List<Table> members;
    final int[] base;
    final int[] select;
    final List<BitSet> found = new ArrayList<>();
    final ISolver map;

    Group(Solver solver, List<Table> members, List<Table> coherence) {
      this.solver = solver;
      this.members = members;
      this.base = solver.satisfyLiterals(coherence);
      this.select = solver.satisfyLiterals(members);
      this.map = SolverFactory.newDefault();
      // decisions true first: a model of the map is then maximal (a member left out is forced out)
      ((org.sat4j.minisat.core.ICDCL<?>) map).setOrder(new VarOrderHeap(new PositiveLiteralSelectionStrategy()));
      map.newVar(members.size());
    }

    /** Searches; returns the size up to which it is complete when stopped, else MAX_VALUE. */
    int search(long budget, BooleanSupplier cancelled) {
      int n = members.size();
      if (!solver.solve(base)) {
        return 0; // the coherence rules alone exclude everything: nothing to say about conflicts
      }
      long start = solver.calls();
      try {
        while (map.isSatisfiable()) {
          if (solver.calls() - start > budget || cancelled.getAsBoolean()) {
            return completeUpTo(n);
          }
          BitSet seed = new BitSet();
          for (int lit : map.model()) {
            if (lit > 0) {
              seed.set(lit - 1);
            }
          }
          int[] block;
          if (solver.solve(literals(seed))) {
            // every set inside what this proposal satisfies is satisfiable: rule them out
            block = solver.brokenIn(members).stream().map(i -> i + 1).toArray();
          } else {
            BitSet minimal = shrink(seed);
            found.add(minimal);
            block = minimal.stream().map(i -> -(i + 1)).toArray();
          }
          map.addClause(new VecInt(block));
        }
      } catch (ContradictionException e) {
        // the last block leaves no set unknown
      } catch (TimeoutException e) {
        return completeUpTo(n);
      }
      return Integer.MAX_VALUE;
    }

    private int[] literals(BitSet set) {
      return Solver.concat(base, set.stream().map(i -> select[i]).toArray());
    }

    /** A minimal set inside {@code seed}, which no proposal satisfies: drops each member the rest can do without. */
    private BitSet shrink(BitSet seed) {
      BitSet core = (BitSet) seed.clone();
      for (int i = seed.nextSetBit(0); i >= 0; i = seed.nextSetBit(i + 1)) {
        core.clear(i);
        if (solver.solve(literals(core))) {
          core.set(i); // needed
        }
      }
      return core;
    }

    /**
     * When stopped: the largest size up to which no set is unknown (so every minimal set of that
     * size or smaller is found), asked of the map with a bound on its own effort.
     */
    private int completeUpTo(int n) {
      int complete = 1; // every member is satisfiable alone
      map.setTimeoutOnConflicts(20_000);
      for (int k = 2; k <= n; k++) {
        IConstr atMost;
        try {
          atMost = map.addAtMost(new VecInt(all(n)), k);
        } catch (ContradictionException e) {
          break;
        }
        boolean unknownLeft;
        try {
          unknownLeft = map.isSatisfiable();
        } catch (TimeoutException e) {
          unknownLeft = true;
        }
        if (atMost != null) {
          map.removeConstr(atMost);
        }
        if (unknownLeft) {
          break;
        }
        complete = k;
      }
      return complete;
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
