package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Severity;

/**
 * Stage 6: the red lines of different parties that no proposal can satisfy together, as
 * minimal sets. These are information, not errors: they are where the parties' positions
 * collide. The report shows them as a conflict map by term.
 */
public final class ConflictStage implements Stage {
  @Override
  public String name() {
    return "conflicts";
  }

  @Override
  public String title() {
    return "where the red lines of different parties collide";
  }

  @Override
  public boolean needsRuleBook() {
    return true;
  }

  @Override
  public List<Diagnostic> run(Context context) {
    List<Diagnostic> out = new ArrayList<>();
    for (Conflict c : context.conflicts()) {
      if (!c.crossParty()) {
        continue;
      }
      Constraint first = c.redLines().get(0).constraint();
      List<String> named = c.redLines().stream().map(a -> "`" + a.id() + "` (" + a.constraint().party() + ": " + a.constraint().title() + ")").toList();
      out.add(
          new Diagnostic(
              Severity.NOTE,
              "red-line-conflict",
              first.at(),
              "no proposal can satisfy red lines " + Wording.and(named) + " together",
              "on " + Wording.terms(c.terms()) + ": " + Wording.forbids(c)));
    }
    if (context.conflictSearchTruncated()) {
      out.add(
          Diagnostic.warning(
              "conflict-search-limit",
              Location.of(context.shown()),
              "the search for conflicting red lines stopped after " + Context.CONFLICT_BUDGET + " solver calls: every conflict of up to "
                  + context.conflictsCompleteUpTo() + " red lines is listed, larger ones may be missing",
              "many red lines read the same terms; the conflicts listed are exact"));
    }
    return out;
  }
}
