package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.model.Diagnostic;

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
    for (ConstraintAnalysis a : context.analyses().values()) {
      String what = a.constraint().kind().word().replace('-', ' ') + " `" + a.id() + "` (" + a.constraint().title() + ")";
      String terms = Wording.terms(a.reads());
      String decided = "decided by the rules engine over all " + a.combinations() + " values of " + terms;
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
