package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.analysis.Decisions;
import redline.analysis.Table;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Kind;
import redline.model.Party;
import redline.model.Severity;

/**
 * Stage 5: per party, constraints of the same kind that are broken by exactly the same
 * proposals (duplicates) or whenever another is (subsumed), and red lines that no proposal can
 * satisfy together: the party contradicts itself, an error, since it could accept nothing.
 */
public final class PartyStage implements Stage {
  @Override
  public String name() {
    return "party";
  }

  @Override
  public String title() {
    return "no party repeats itself or contradicts itself";
  }

  @Override
  public boolean needsRuleBook() {
    return true;
  }

  @Override
  public List<Diagnostic> run(Context context) {
    RuleBook book = context.ruleBook();
    Decisions decisions = context.decisions();
    Space space = context.space();
    List<Diagnostic> out = new ArrayList<>();
    for (Party party : book.parties()) {
      List<Constraint> own = book.constraints(party.code());
      for (int i = 0; i < own.size(); i++) {
        for (int j = i + 1; j < own.size(); j++) {
          compare(decisions.table(own.get(i).id()), decisions.table(own.get(j).id()), space, out);
        }
      }
    }
    for (Conflict c : context.conflicts()) {
      if (c.crossParty()) {
        continue;
      }
      Constraint first = c.redLines().get(0).constraint();
      out.add(
          Diagnostic.error(
              "party-contradiction",
              first.at(),
              "party `" + first.party() + "` contradicts itself: no proposal can satisfy its red lines "
                  + Wording.quoted(c.ids())
                  + " together",
              "on " + Wording.terms(c.terms()) + ": " + Wording.forbids(c)));
    }
    return out;
  }

  /** Reports {@code a} and {@code b} (a first in file order) when one repeats or subsumes the other. */
  private static void compare(Table a, Table b, Space space, List<Diagnostic> out) {
    Constraint ca = a.constraint();
    Constraint cb = b.constraint();
    if (ca.kind() != cb.kind() || !trivialFree(a) || !trivialFree(b) || !shareTerm(a, b)) {
      return;
    }
    boolean aImpliesB = space.implies(a, b);
    boolean bImpliesA = space.implies(b, a);
    String kind = ca.kind().word().replace('-', ' ');
    if (aImpliesB && bImpliesA) {
      out.add(
          Diagnostic.warning(
              "duplicate-constraint",
              cb.at(),
              kind + " `" + cb.id() + "` (" + cb.title() + ") is broken by exactly the same proposals as `" + ca.id() + "` (" + ca.title() + ")",
              "`" + ca.id() + "` is at " + ca.at().render() + "; keep one of them"));
    } else if (aImpliesB) {
      out.add(subsumed(ca, cb, kind));
    } else if (bImpliesA) {
      out.add(subsumed(cb, ca, kind));
    }
  }

  private static Diagnostic subsumed(Constraint narrow, Constraint wide, String kind) {
    boolean preference = narrow.kind() == Kind.PREFERENCE;
    String message =
        kind + " `" + narrow.id() + "` (" + narrow.title() + ") is subsumed by `" + wide.id() + "` (" + wide.title() + "): every proposal that breaks `" + narrow.id() + "` also breaks `" + wide.id() + "`";
    String hint =
        preference
            ? "both count against the score of such a proposal; `" + wide.id() + "` is at " + wide.at().render()
            : "`" + narrow.id() + "` never changes the verdict: drop it, or narrow `" + wide.id() + "` at " + wide.at().render();
    return new Diagnostic(preference ? Severity.NOTE : Severity.WARNING, "subsumed-constraint", narrow.at(), message, hint);
  }

  private static boolean trivialFree(Table t) {
    return t.canBreak() && t.canSatisfy();
  }

  private static boolean shareTerm(Table a, Table b) {
    return a.sharesTerm(b);
  }
}
