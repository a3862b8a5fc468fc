package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import redline.explore.Compromise;
import redline.explore.Suggestions;
import redline.model.Constraint;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;

/**
 * The report of {@code redline nearest}: the smallest sets of term changes after which no
 * considered party rejects the draft, each with the verdicts the engine gives it and what it
 * fixes and costs per party; as text or JSON.
 */
public final class NearestReport {
  private NearestReport() {}

  /** Prints the text report. */
  public static void text(Suggestions x, PrintWriter out, Style s) {
    text(x, null, out, s);
  }

  /** Prints the text report, with the best compromise when one was searched for (else null). */
  public static void text(Suggestions x, Compromise compromise, PrintWriter out, Style s) {
    Proposal d = x.draft();
    out.println(s.bold("Nearest versions of " + d.id()) + (d.title().isEmpty() ? "" : ": " + d.title())
        + " that no party of " + codes(x.parties()) + " rejects" + (x.objections() ? " or objects to" : ""));
    out.println(s.dim((d.file().isEmpty() ? "" : "file " + d.file() + "; ") + "at most " + x.maxChanges() + " changes"));
    out.println("now: " + EvaluationReport.summary(x.before(), s));
    if (!x.open().isEmpty()) {
      out.println("open terms (treated as open): " + String.join(", ", x.open()));
      if (!x.settle().isEmpty()) {
        out.println(s.dim("  a red line reads " + String.join(", ", x.settle())
            + ", so every suggestion settles " + (x.settle().size() == 1 ? "it" : "them") + " (not counted as a change)"));
      }
    }
    out.println();
    if (x.partial()) {
      out.println(s.yellow("The search was stopped: the suggestions below are what was found so far and may not be the smallest."));
      out.println();
    }
    if (x.suggestions().isEmpty()) {
      if (!x.blocked().isEmpty()) {
        out.println(s.red("No suggestion") + ": no proposal at all is free of the red lines of " + codes(x.parties())
            + "; they cannot all hold on " + String.join(", ", x.blocked())
            + s.dim(" (redline explore shows which red lines would have to be relaxed; or try fewer --parties)"));
      } else if (!x.partial()) {
        out.println(s.red("No suggestion") + " with at most " + x.maxChanges() + " changes: at least " + x.atLeast()
            + " are needed" + s.dim(" (try --max-changes " + x.atLeast() + ", or redline explore)"));
      }
    } else {
      Suggestions.Suggestion first = x.suggestions().get(0);
      if (first.size() == 0) {
        out.println(s.green("No change needed") + ": no party of " + codes(x.parties()) + " rejects the draft"
            + (first.changes().isEmpty() ? "" : " once its open terms are settled as below"));
      } else {
        out.println(s.bold("Fewest changes: " + first.size())
            + (x.partial() ? "" : s.dim(" (exact: no smaller set of changes works)")));
      }
      int i = 0;
      for (Suggestions.Suggestion g : x.suggestions()) {
        out.println();
        suggestion(++i, g, out, s);
      }
      out.println();
      out.println(s.dim("every suggestion was re-evaluated by the engine before it was printed"));
    }
    if (compromise != null) {
      compromise(compromise, out, s);
    }
    if (!x.errors().isEmpty()) {
      out.println();
      out.println(s.red("Problems met:"));
      DiagnosticReport.print(x.errors(), out, s, 0);
    }
    out.flush();
  }

  private static void compromise(Compromise c, PrintWriter out, Style s) {
    out.println();
    if (!c.found()) {
      out.println(s.red("No compromise either") + ": no version within the changes allowed keeps even one party of " + codes(c.considered()));
      return;
    }
    int lose = c.considered().size() - c.kept();
    out.println(
        s.bold("Best compromise")
            + " (no version keeps all " + c.considered().size() + " parties): the closest keep " + c.kept() + " of "
            + c.considered().size() + " and lose " + lose + (lose == 1 ? " party" : " parties")
            + s.dim(" (exact: no version loses fewer)")
            + (c.partial() ? s.yellow(" (search stopped early)") : ""));
    out.println(s.dim("ranked by parties lost, then red lines broken, then changes, then preference score lost"));
    int i = 0;
    for (Compromise.Entry e : c.entries()) {
      out.println();
      suggestion(++i, e.suggestion(), e.lost(), out, s);
      out.println("   loses " + codes(e.rejecting()) + ": " + e.broken().size()
          + (e.broken().size() == 1 ? " red line broken" : " red lines broken") + " (" + titled(e.broken()) + ")");
    }
    out.println();
    out.println(s.dim("every version was re-evaluated by the engine before it was printed"));
  }

  private static String titled(List<Constraint> cs) {
    return String.join("; ", cs.stream().map(c -> c.id() + " " + c.title()).toList());
  }

  private static void suggestion(int i, Suggestions.Suggestion g, PrintWriter out, Style s) {
    suggestion(i, g, g.lost(), out, s);
  }

  /** One suggestion, with the preference score lost across the parties the report is about. */
  private static void suggestion(int i, Suggestions.Suggestion g, int scoreLost, PrintWriter out, Style s) {
    String lost = scoreLost > 0 ? "preference score lost " + scoreLost : scoreLost < 0 ? "preference score gained " + (-scoreLost) : "no preference score lost";
    out.println(s.bold(i + ". " + g.size() + (g.size() == 1 ? " change" : " changes")) + ", " + lost);
    for (Suggestions.Change c : g.changes()) {
      out.println("   " + c.term() + ": " + (c.settles() ? s.dim("(open)") : c.from().render()) + " -> " + s.bold(c.to().render())
          + (c.settles() ? s.dim("  settles an open term") : ""));
    }
    out.println("   verdicts: " + EvaluationReport.summary(g.after(), s));
    for (Suggestions.Effect e : g.effects()) {
      List<String> parts = new ArrayList<>();
      if (!e.fixes().isEmpty()) {
        parts.add("fixes " + ids(e.fixes()));
      }
      if (!e.breaks().isEmpty()) {
        parts.add(s.yellow("breaks " + ids(e.breaks())));
      }
      if (!e.costs().isEmpty()) {
        parts.add("costs " + ids(e.costs()));
      }
      if (!e.gains().isEmpty()) {
        parts.add("gains " + ids(e.gains()));
      }
      if (parts.isEmpty() && e.before() == e.after() && e.scoreBefore() == e.scoreAfter()) {
        continue;
      }
      String verdict = e.before() == e.after() ? e.after().name() : e.before().name() + " -> " + e.after().name();
      String score = e.scoreBefore() == e.scoreAfter() ? "" : ", preferences " + e.scoreBefore() + " -> " + e.scoreAfter();
      out.println("   " + String.format("%-4s", e.party().code()) + s.dim(verdict + score) + (parts.isEmpty() ? "" : ": " + String.join("; ", parts)));
    }
  }

  private static String ids(List<Constraint> cs) {
    return String.join(", ", cs.stream().map(Constraint::id).toList());
  }

  private static String codes(List<Party> parties) {
    return String.join(", ", parties.stream().map(Party::code).toList());
  }

  /** The JSON twin of the text report. */
  public static ObjectNode json(Suggestions x) {
    return json(x, null);
  }

  /** The JSON twin of the text report, with {@code compromise} (null when none was searched for). */
  public static ObjectNode json(Suggestions x, Compromise compromise) {
    ObjectNode o = Json.object();
    ObjectNode draft = o.putObject("draft");
    draft.put("id", x.draft().id());
    draft.put("title", x.draft().title());
    draft.put("file", x.draft().file());
    ObjectNode verdicts = draft.putObject("verdicts");
    x.before().parties().forEach(r -> verdicts.put(r.party().code(), r.verdict().name()));
    o.set("parties", Json.strings(x.parties().stream().map(Party::code).toList()));
    o.put("objectionsCount", x.objections());
    o.put("maxChanges", x.maxChanges());
    o.set("open", Json.strings(x.open()));
    o.set("settle", Json.strings(x.settle()));
    o.set("blocked", Json.strings(x.blocked()));
    o.put("possible", x.blocked().isEmpty());
    o.put("minimum", x.minimum());
    o.put("atLeast", x.atLeast());
    o.put("exact", !x.partial());
    o.put("partial", x.partial());
    ArrayNode list = o.putArray("suggestions");
    for (Suggestions.Suggestion g : x.suggestions()) {
      suggestionJson(list.addObject(), g);
    }
    if (compromise == null) {
      o.putNull("compromise");
    } else {
      ObjectNode co = o.putObject("compromise");
      co.put("kept", compromise.kept());
      co.put("lost", compromise.considered().size() - compromise.kept());
      co.put("partial", compromise.partial());
      ArrayNode entries = co.putArray("versions");
      for (Compromise.Entry e : compromise.entries()) {
        ObjectNode eo = entries.addObject();
        eo.set("rejecting", Json.strings(e.rejecting().stream().map(Party::code).toList()));
        eo.set("redLinesBroken", Json.strings(e.broken().stream().map(Constraint::id).toList()));
        eo.put("scoreLost", e.lost());
        suggestionJson(eo.putObject("suggestion"), e.suggestion());
      }
    }
    o.set("errors", Json.diagnostics(x.errors()));
    return o;
  }

  private static void suggestionJson(ObjectNode so, Suggestions.Suggestion g) {
    {
      so.put("size", g.size());
      so.put("lost", g.lost());
      ArrayNode changes = so.putArray("changes");
      for (Suggestions.Change c : g.changes()) {
        ObjectNode co = changes.addObject();
        co.put("term", c.term());
        if (c.settles()) {
          co.putNull("from");
        } else {
          Json.putValue(co, "from", c.from());
        }
        Json.putValue(co, "to", c.to());
        co.put("settles", c.settles());
      }
      ObjectNode v = so.putObject("verdicts");
      ObjectNode sc = so.putObject("scores");
      for (PartyResult r : g.after().parties()) {
        v.put(r.party().code(), r.verdict().name());
        sc.put(r.party().code(), r.score());
      }
      ArrayNode effects = so.putArray("effects");
      for (Suggestions.Effect e : g.effects()) {
        ObjectNode eo = effects.addObject();
        eo.put("party", e.party().code());
        eo.put("considered", e.considered());
        eo.put("before", e.before().name());
        eo.put("after", e.after().name());
        eo.put("scoreBefore", e.scoreBefore());
        eo.put("scoreAfter", e.scoreAfter());
        eo.set("fixes", Json.strings(e.fixes().stream().map(Constraint::id).toList()));
        eo.set("breaks", Json.strings(e.breaks().stream().map(Constraint::id).toList()));
        eo.set("costs", Json.strings(e.costs().stream().map(Constraint::id).toList()));
        eo.set("gains", Json.strings(e.gains().stream().map(Constraint::id).toList()));
      }
      ObjectNode terms = so.putObject("proposal");
      g.proposal().terms().forEach((t, val) -> Json.putValue(terms, t, val));
    }
  }
}
