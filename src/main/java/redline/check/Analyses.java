package redline.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.analysis.Decisions;
import redline.analysis.Table;
import redline.model.Kind;
import redline.model.Term;
import redline.model.TermValue;
import redline.model.Vocabulary;

/** Turns decision tables into {@link ConstraintAnalysis} records. */
final class Analyses {
  private Analyses() {}

  /** The analysis of every constraint, by id, in rule-book order. */
  static Map<String, ConstraintAnalysis> of(Vocabulary vocabulary, Decisions decisions) {
    Map<String, ConstraintAnalysis> out = new LinkedHashMap<>();
    for (Table t : decisions.tables().values()) {
      if (t.constraint().kind() == Kind.COHERENCE) {
        continue; // not a position: see ConstraintStage
      }
      out.put(t.constraint().id(), of(vocabulary, decisions, t));
    }
    return out;
  }

  static ConstraintAnalysis of(Vocabulary vocabulary, Decisions decisions, Table t) {
    int broken = 0;
    for (int row = 0; row < t.rows(); row++) {
      broken += t.isBroken(row) ? 1 : 0;
    }
    List<ConstraintAnalysis.Forbidden> forbids = new ArrayList<>();
    for (int i = 0; i < t.arity(); i++) {
      boolean[] some = new boolean[t.size(i)];
      boolean[] all = new boolean[t.size(i)];
      java.util.Arrays.fill(all, true);
      for (int row = 0; row < t.rows(); row++) {
        int v = t.digit(row, i);
        if (t.isBroken(row)) {
          some[v] = true;
        } else {
          all[v] = false;
        }
      }
      boolean partial = false;
      for (int v = 0; v < t.size(i); v++) {
        partial |= some[v] && !all[v];
      }
      String name = t.names().get(i);
      Term term = vocabulary.terms().get(name);
      List<TermValue> domain = decisions.domains().get(name);
      forbids.add(new ConstraintAnalysis.Forbidden(name, Regions.describe(term, domain, some), partial));
    }
    return new ConstraintAnalysis(t.constraint(), t.names(), t.rows(), broken, broken > 0, broken < t.rows(), forbids);
  }
}
