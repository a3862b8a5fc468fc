package redline.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import redline.analysis.Space;
import redline.model.Constraint;
import redline.model.Kind;
import redline.model.Party;
import redline.model.Proposal;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * The hand-written Java equivalent of the rules, for the throughput baseline: each constraint a
 * lookup in its decision table (decided once by Drools, so it checks exactly what the rule
 * checks), each party's verdict and preference score computed as the engine does. It reads set
 * terms only and gives no per-constraint detail: the cheapest honest evaluation of the same
 * constraints.
 */
public final class Baseline {
  private final List<Party> parties;
  private final List<Map<TermValue, Integer>> index;
  private final String[] termNames;
  private final int[][] reads;
  private final int[][] sizes;
  private final boolean[][] broken;
  private final int[] party;
  private final int[] kind;
  private final int[] weight;

  /** One party's verdict and score. */
  public record Result(Verdict verdict, int score) {}

  /** The baseline for the constraints of {@code space}. */
  public Baseline(Space space) {
    this.parties = space.ruleBook().parties();
    int n = space.terms().size();
    this.termNames = space.terms().toArray(new String[0]);
    this.index = new java.util.ArrayList<>();
    for (int t = 0; t < n; t++) {
      Map<TermValue, Integer> m = new HashMap<>();
      List<TermValue> vs = space.values(t);
      for (int v = 0; v < vs.size(); v++) {
        m.put(vs.get(v), v);
      }
      index.add(m);
    }
    List<redline.analysis.Table> tables = space.tables();
    int k = tables.size();
    reads = new int[k][];
    sizes = new int[k][];
    broken = new boolean[k][];
    party = new int[k];
    kind = new int[k];
    weight = new int[k];
    for (int i = 0; i < k; i++) {
      redline.analysis.Table t = tables.get(i);
      Constraint c = t.constraint();
      reads[i] = t.termIndexes();
      sizes[i] = new int[t.arity()];
      for (int j = 0; j < t.arity(); j++) {
        sizes[i][j] = t.size(j);
      }
      broken[i] = new boolean[t.rows()];
      for (int row = 0; row < t.rows(); row++) {
        broken[i][row] = t.isBroken(row);
      }
      for (int p = 0; p < parties.size(); p++) {
        if (parties.get(p).code().equals(c.party())) {
          party[i] = p;
        }
      }
      kind[i] = c.kind() == Kind.RED_LINE ? 0 : c.kind() == Kind.OBJECTION ? 1 : 2;
      weight[i] = c.weight();
    }
  }

  /** Every party's verdict and score for {@code p}, which must set every term. */
  public Result[] evaluate(Proposal p) {
    int[] values = new int[termNames.length];
    for (int t = 0; t < termNames.length; t++) {
      TermValue v = p.terms().get(termNames[t]);
      Integer i = v == null ? null : index.get(t).get(v);
      if (i == null) {
        throw new IllegalArgumentException("the baseline needs every term set to a value of its domain");
      }
      values[t] = i;
    }
    boolean[] red = new boolean[parties.size()];
    boolean[] objection = new boolean[parties.size()];
    int[] score = new int[parties.size()];
    for (int c = 0; c < reads.length; c++) {
      int row = 0;
      for (int i = 0; i < reads[c].length; i++) {
        row = row * sizes[c][i] + values[reads[c][i]];
      }
      boolean b = broken[c][row];
      switch (kind[c]) {
        case 0 -> red[party[c]] |= b;
        case 1 -> objection[party[c]] |= b;
        default -> score[party[c]] += b ? -weight[c] : weight[c];
      }
    }
    Result[] out = new Result[parties.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Result(red[i] ? Verdict.REJECTS : objection[i] ? Verdict.OBJECTS : Verdict.ACCEPTS, score[i]);
    }
    return out;
  }
}
