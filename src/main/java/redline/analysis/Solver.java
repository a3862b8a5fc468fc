package redline.analysis;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.sat4j.core.VecInt;
import org.sat4j.minisat.SolverFactory;
import org.sat4j.specs.ContradictionException;
import org.sat4j.specs.IConstr;
import org.sat4j.specs.ISolver;
import org.sat4j.specs.TimeoutException;

/**
 * The Drools-decided tables of a {@link Space}, handed to the Sat4j SAT solver: one Boolean
 * variable per value of each term (exactly one of them true), and per table a literal that, when
 * assumed, makes the proposal satisfy the constraint (every broken row is forbidden), and one
 * that makes it break the constraint (every satisfied row is forbidden). Questions are asked
 * incrementally, under assumptions, so one solver answers a whole analysis. Not thread-safe.
 */
public final class Solver {
  private final Space space;
  private final List<Table> tables;
  private final Map<Table, Integer> index = new HashMap<>();
  private final int[] offset;
  private final ISolver sat;
  private final int satisfyBase;
  private final int breakBase;
  /** True when the encoding itself is contradictory (cannot happen for well-formed tables). */
  private boolean contradictory;
  private long calls;

  /** A solver over {@code tables}, all of them tables of {@code space}. */
  public Solver(Space space, List<Table> tables) {
    this.space = space;
    this.tables = List.copyOf(tables);
    int n = space.terms().size();
    offset = new int[n + 1];
    for (int t = 0; t < n; t++) {
      offset[t + 1] = offset[t] + space.values(t).size();
    }
    satisfyBase = offset[n];
    breakBase = satisfyBase + this.tables.size();
    sat = SolverFactory.newDefault();
    sat.newVar(breakBase + this.tables.size());
    try {
      boolean[] read = new boolean[n];
      for (Table t : this.tables) {
        for (int i = 0; i < t.arity(); i++) {
          read[t.term(i)] = true;
        }
      }
      for (int t = 0; t < n; t++) {
        if (read[t]) {
          int[] lits = new int[offset[t + 1] - offset[t]];
          for (int v = 0; v < lits.length; v++) {
            lits[v] = offset[t] + v + 1;
          }
          sat.addExactly(new VecInt(lits), 1);
        }
      }
      for (int k = 0; k < this.tables.size(); k++) {
        Table t = this.tables.get(k);
        index.putIfAbsent(t, k);
        int[] clause = new int[t.arity() + 1];
        for (int row = 0; row < t.rows(); row++) {
          // forbid this row under the literal that asks for the opposite status
          clause[0] = -(t.isBroken(row) ? satisfyLiteral(k) : breakLiteral(k));
          int[] values = t.values(row);
          for (int i = 0; i < values.length; i++) {
            clause[i + 1] = -(offset[t.term(i)] + values[i] + 1);
          }
          sat.addClause(new VecInt(clause.clone()));
        }
      }
    } catch (ContradictionException e) {
      contradictory = true;
    }
  }

  /** The literal that, assumed, makes a proposal satisfy table {@code k}; negated, the table may break. */
  int satisfyLiteral(int k) {
    return satisfyBase + k + 1;
  }

  /** The literal that, assumed, makes a proposal break table {@code k}. */
  int breakLiteral(int k) {
    return breakBase + k + 1;
  }

  /** The literal saying that term {@code t} takes value {@code v}. */
  int valueLiteral(int t, int v) {
    return offset[t] + v + 1;
  }

  /** The position of {@code t} among this solver's tables. */
  int indexOf(Table t) {
    Integer k = index.get(t);
    if (k == null) {
      throw new IllegalArgumentException("the solver was not given the table of `" + t.constraint().id() + "`");
    }
    return k;
  }

  /** The tables this solver was given. */
  public List<Table> tables() {
    return tables;
  }

  /** How many questions the SAT solver has answered. */
  public long calls() {
    return calls;
  }

  /**
   * Whether some proposal satisfies every table of {@code satisfy} and breaks every table of
   * {@code breakAll}; the other tables are free.
   */
  public boolean exists(List<Table> satisfy, List<Table> breakAll) {
    int[] assume = new int[satisfy.size() + breakAll.size()];
    int i = 0;
    for (Table t : satisfy) {
      assume[i++] = satisfyLiteral(indexOf(t));
    }
    for (Table t : breakAll) {
      assume[i++] = breakLiteral(indexOf(t));
    }
    return solve(assume);
  }

  /**
   * Solves under {@code assumptions} (literals of this solver); true when some proposal meets
   * them all.
   */
  boolean solve(int[] assumptions) {
    if (contradictory) {
      return false;
    }
    calls++;
    try {
      return sat.isSatisfiable(new VecInt(assumptions.clone()));
    } catch (TimeoutException e) {
      throw new IllegalStateException("the SAT solver timed out", e);
    }
  }

  /** The value index of each term in the last solution, or -1 for a term no table reads. */
  int[] assignment() {
    int n = space.terms().size();
    int[] out = new int[n];
    java.util.Arrays.fill(out, -1);
    for (int lit : sat.model()) {
      if (lit > 0 && lit <= satisfyBase) {
        int v = lit - 1;
        int t = 0;
        while (offset[t + 1] <= v) {
          t++;
        }
        out[t] = v - offset[t];
      }
    }
    return out;
  }

  /**
   * Adds a constraint that at least {@code degree} of {@code literals} hold, to be taken back with
   * {@link #remove}; null when it always holds. Throws when it can never hold.
   */
  IConstr atLeast(int[] literals, int degree) throws ContradictionException {
    return sat.addAtLeast(new VecInt(literals.clone()), degree);
  }

  /** Adds a clause for good: at least one of {@code literals}. False when that is a contradiction. */
  boolean clause(int[] literals) {
    try {
      sat.addClause(new VecInt(literals.clone()));
      return true;
    } catch (ContradictionException e) {
      contradictory = true;
      return false;
    }
  }

  /** Takes back a constraint added by {@link #atLeast}. */
  void remove(IConstr c) {
    if (c != null) {
      sat.removeConstr(c);
    }
  }

  /**
   * The tables among {@code of} that the last solution breaks, as positions in {@code of}; the
   * terms no table reads are left at their first value.
   */
  BitSet brokenIn(List<Table> of) {
    int[] a = assignment();
    for (int t = 0; t < a.length; t++) {
      if (a[t] < 0) {
        a[t] = 0;
      }
    }
    BitSet out = new BitSet();
    for (int k = 0; k < of.size(); k++) {
      if (of.get(k).isBroken(a)) {
        out.set(k);
      }
    }
    return out;
  }

  /** The literals of {@code ts}, each the one that makes the proposal satisfy it. */
  int[] satisfyLiterals(List<Table> ts) {
    int[] out = new int[ts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = satisfyLiteral(indexOf(ts.get(i)));
    }
    return out;
  }

  /** Appends {@code more} to {@code base}. */
  static int[] concat(int[] base, int[] more) {
    int[] out = java.util.Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, out, base.length, more.length);
    return out;
  }

  /** The literals fixing the terms with a non-negative value in {@code fixed}. */
  int[] fixing(int[] fixed) {
    List<Integer> out = new ArrayList<>();
    for (int t = 0; t < fixed.length; t++) {
      if (fixed[t] >= 0) {
        out.add(valueLiteral(t, fixed[t]));
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }
}
