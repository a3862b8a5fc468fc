package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.analysis.Decisions;
import redline.analysis.Table;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Kind;

/**
 * Stage 4: per constraint, the terms it reads and whether any value of them breaks it and any
 * satisfies it, decided by Drools over every combination of the values of those terms. A
 * constraint that can never be broken, or is broken by every proposal, is an error.
 */
public final class ConstraintStage implements Stage {
  @Override
  public String name() {
    return "constraints";
  }

  @Override
  public String title() {
    return "every constraint can be broken and can be satisfied";
  }

  @Override
  public boolean needsRuleBook() {
    return true;
  }

  @Override
  public List<Diagnostic> run(Context context) {
    List<Diagnostic> out = new ArrayList<>(context.decisions().errors());
    Space space = context.space();
    boolean nothingExists = false;
    for (Table t : context.decisions().tables().values()) {
      Constraint c = t.constraint();
      if (c.kind() != Kind.COHERENCE) {
        continue;
      }
      String what = "coherence rule `" + c.id() + "`";
      String terms = Wording.terms(t.names());
      String decided = "decided by the rules engine over all " + t.rows() + " values of " + terms;
      if (!t.canBreak()) {
        out.add(
            Diagnostic.warning(
                "coherence-excludes-nothing",
                c.at(),
                what + " excludes nothing: no value of " + terms + " makes its rule fire",
                decided + "; check the condition `" + c.condition() + "`"));
      } else if (!space.satisfiable(List.of(t))) {
        nothingExists = true;
        out.add(
            Diagnostic.error(
                "coherence-excludes-all",
                c.at(),
                what + " excludes every proposal: every value of " + terms + " makes its rule fire",
                decided + "; check the condition `" + c.condition() + "`"));
      }
    }
    for (ConstraintAnalysis a : context.analyses().values()) {
      String what = a.constraint().kind().word().replace('-', ' ') + " `" + a.id() + "` (" + a.constraint().title() + ")";
      String terms = Wording.terms(a.reads());
      String decided = "decided by the rules engine over all " + a.combinations() + " values of " + terms;
      if (context.decisions().failed().contains(a.id())) {
        out.add(
            Diagnostic.error(
                "rule-failed",
                a.constraint().at(),
                what + " could not be decided: its rule failed on some values of " + terms,
                "the errors of the rules engine are listed with it"));
        continue;
      }
      Table table = context.decisions().table(a.id());
      if (nothingExists) {
        // every constraint is trivially never broken: the coherence error says it all
      } else if (a.canBreak() && !space.exists(List.of(), List.of(table))) {
        out.add(
            Diagnostic.error(
                "never-broken",
                a.constraint().at(),
                what + " can never be broken: every value of " + terms + " that makes its rule fire breaks a coherence rule",
                "no proposal that can exist breaks it; check the condition `" + a.constraint().condition() + "` and the coherence rules"));
      } else if (a.canSatisfy() && !space.satisfiable(List.of(table))) {
        out.add(
            Diagnostic.error(
                "always-broken",
                a.constraint().at(),
                what + " is broken by every proposal that can exist: every value of " + terms + " that satisfies it breaks a coherence rule",
                "check the condition `" + a.constraint().condition() + "` and the coherence rules"));
      }
      if (!a.canBreak()) {
        out.add(
            Diagnostic.error(
                "never-broken",
                a.constraint().at(),
                what + " can never be broken: no value of " + terms + " makes its rule fire",
                decided + "; check the condition `" + a.constraint().condition() + "`"));
      } else if (!a.canSatisfy()) {
        out.add(
            Diagnostic.error(
                "always-broken",
                a.constraint().at(),
                what + " is broken by every proposal: every value of " + terms + " makes its rule fire",
                decided + "; check the condition `" + a.constraint().condition() + "`"));
      }
    }
    return out;
  }
}
