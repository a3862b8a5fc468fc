package redline.analysis;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import redline.model.Constraint;

/**
 * One constraint decided by Drools over every combination of the values of the terms it reads:
 * the one decision table that {@code check}, {@code explore} and {@code nearest} reason with.
 * Rows are indexed in mixed radix over the terms in the order the constraint reads them, the
 * first term varying slowest. Terms are named and also numbered by their place in the
 * vocabulary, so a table can be read against a whole assignment (one value index per term).
 * Immutable: nothing it holds can be changed from outside.
 */
public final class Table {
  private final Constraint constraint;
  private final List<String> names;
  private final int[] terms;
  private final int[] sizes;
  private final BitSet broken;
  private final int rows;

  /**
   * A table for {@code constraint} over {@code names} (vocabulary indexes {@code terms}, domain
   * sizes {@code sizes}), broken on the rows set in {@code broken}.
   */
  public Table(Constraint constraint, List<String> names, int[] terms, int[] sizes, BitSet broken) {
    if (names.size() != terms.length || terms.length != sizes.length) {
      throw new IllegalArgumentException("a table needs one index and one size per term");
    }
    this.constraint = constraint;
    this.names = List.copyOf(names);
    this.terms = terms.clone();
    this.sizes = sizes.clone();
    int r = 1;
    for (int s : sizes) {
      r = Math.multiplyExact(r, s);
    }
    this.rows = r;
    this.broken = (BitSet) broken.clone();
  }

  /** The constraint decided. */
  public Constraint constraint() {
    return constraint;
  }

  /** The names of the terms read, in the table's order. */
  public List<String> names() {
    return names;
  }

  /** How many terms the table reads. */
  public int arity() {
    return terms.length;
  }

  /** The vocabulary index of the {@code i}-th term read. */
  public int term(int i) {
    return terms[i];
  }

  /** The domain size of the {@code i}-th term read. */
  public int size(int i) {
    return sizes[i];
  }

  /** The vocabulary indexes of the terms read, as a fresh array. */
  public int[] termIndexes() {
    return terms.clone();
  }

  /** True when the table reads the term with vocabulary index {@code t}. */
  public boolean reads(int t) {
    return position(t) >= 0;
  }

  /** Where the term with vocabulary index {@code t} stands among the terms read, or -1. */
  public int position(int t) {
    for (int i = 0; i < terms.length; i++) {
      if (terms[i] == t) {
        return i;
      }
    }
    return -1;
  }

  /** True when this table and {@code other} read some term in common. */
  public boolean sharesTerm(Table other) {
    for (int t : terms) {
      if (other.reads(t)) {
        return true;
      }
    }
    return false;
  }

  /** The number of combinations. */
  public int rows() {
    return rows;
  }

  /** Whether row {@code row} breaks the constraint. */
  public boolean isBroken(int row) {
    return broken.get(row);
  }

  /** The row of a whole assignment: the value index at {@code assignment[term(i)]} for each term read. */
  public int row(int[] assignment) {
    int idx = 0;
    for (int i = 0; i < terms.length; i++) {
      idx = idx * sizes[i] + assignment[terms[i]];
    }
    return idx;
  }

  /** Whether a whole assignment (one value index per vocabulary term) breaks the constraint. */
  public boolean isBroken(int[] assignment) {
    return broken.get(row(assignment));
  }

  /** The row of the value indexes {@code values}, one per term read, in the table's order. */
  public int rowOf(int[] values) {
    int idx = 0;
    for (int i = 0; i < sizes.length; i++) {
      idx = idx * sizes[i] + values[i];
    }
    return idx;
  }

  /** The value indexes of row {@code row}, one per term read, as a fresh array. */
  public int[] values(int row) {
    int[] v = new int[sizes.length];
    for (int i = sizes.length - 1; i >= 0; i--) {
      v[i] = row % sizes[i];
      row /= sizes[i];
    }
    return v;
  }

  /** The value index that the {@code i}-th term read takes in row {@code row}. */
  public int digit(int row, int i) {
    for (int k = sizes.length - 1; k > i; k--) {
      row /= sizes[k];
    }
    return row % sizes[i];
  }

  /** True when some combination breaks the constraint. */
  public boolean canBreak() {
    return !broken.isEmpty();
  }

  /** True when some combination satisfies the constraint. */
  public boolean canSatisfy() {
    return broken.cardinality() < rows;
  }

  /** True when both tables decide the same constraint the same way over the same terms. */
  public boolean sameDecisions(Table other) {
    return constraint.equals(other.constraint)
        && Arrays.equals(terms, other.terms)
        && Arrays.equals(sizes, other.sizes)
        && broken.equals(other.broken);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table t && t.names.equals(names) && sameDecisions(t);
  }

  /** Computed once: tables are keys of the checker's memo of answers, asked many times. */
  private int hash;

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0) {
      h = constraint.hashCode() * 31 + broken.hashCode();
      hash = h == 0 ? 1 : h;
    }
    return hash;
  }

  @Override
  public String toString() {
    return "Table[" + constraint.id() + " over " + names + ", " + broken.cardinality() + " of " + rows + " rows broken]";
  }
}
