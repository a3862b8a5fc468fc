package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import redline.compare.Comparison;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;

/** The report of {@code redline compare}: what moved between two drafts, as text or JSON. */
public final class CompareReport {
  private CompareReport() {}

  /** Prints the text report. */
  public static void text(Comparison c, PrintWriter out, Style s) {
    Proposal a = c.base().proposal();
    Proposal b = c.draft().proposal();
    out.println(s.bold("Compare " + Text.escape(a.id()) + " -> " + Text.escape(b.id())));
    out.println(s.dim("base  " + Text.escape(a.file().isEmpty() ? a.id() : a.file()) + (a.title().isEmpty() ? "" : ": " + Text.escape(a.title()))));
    out.println(s.dim("draft " + Text.escape(b.file().isEmpty() ? b.id() : b.file()) + (b.title().isEmpty() ? "" : ": " + Text.escape(b.title()))));
    out.println();
    if (c.terms().isEmpty()) {
      out.println(s.bold("Terms: ") + "the two drafts set every term alike");
    } else {
      out.println(s.bold("Terms that differ (" + c.terms().size() + "):"));
      for (Comparison.TermChange t : c.terms()) {
        out.println("  " + t.term() + ": " + value(t.before(), s) + " -> " + s.bold(value(t.after(), s)));
      }
    }
    out.println();
    List<Comparison.PartyChange> moved = c.parties().stream().filter(p -> p.before() != p.after()).toList();
    List<String> moves = moved.stream().map(p -> p.party().code() + " " + p.before().name() + " -> " + p.after().name() + " (" + p.direction().word() + ")").toList();
    out.println(s.bold("Verdicts: ") + (moved.isEmpty() ? "no verdict moved" : String.join("; ", moves)));
    out.println("  before: " + EvaluationReport.summary(c.base(), s));
    out.println("  after:  " + EvaluationReport.summary(c.draft(), s));
    out.println();
    out.println(s.bold("Per party") + s.dim(" (verdict, preference score, constraints that flipped)"));
    for (Comparison.PartyChange p : c.parties()) {
      String verdict = p.before() == p.after()
          ? p.after().name() + " (unchanged)"
          : p.before().name() + " -> " + (p.direction() == Comparison.Direction.BETTER ? s.green(p.after().name()) : s.red(p.after().name()))
              + " (" + p.direction().word() + ")";
      String score = p.maxScore() == 0 ? "" : p.scoreBefore() == p.scoreAfter()
          ? "   preferences " + p.scoreAfter() + " (unchanged)"
          : "   preferences " + p.scoreBefore() + " -> " + p.scoreAfter() + " (" + signed(p.scoreAfter() - p.scoreBefore()) + ")";
      out.println("  " + s.bold(String.format("%-4s", p.party().code())) + verdict + s.dim(score));
      for (Comparison.Flip f : p.flips()) {
        out.println("      " + f.constraint().id() + " " + f.constraint().title() + s.dim(" (" + f.constraint().kind().word().replace('-', ' ') + ")")
            + ": " + f.before().name() + " -> " + status(f.after(), f, s));
      }
    }
    out.flush();
  }

  private static String status(Status after, Comparison.Flip f, Style s) {
    return switch (after) {
      case BROKEN -> s.red(after.name());
      case SATISFIED -> s.green(after.name());
      case UNDETERMINED -> s.yellow(after.name());
    };
  }

  private static String value(TermValue v, Style s) {
    return v == null ? s.dim("(open)") : Text.escape(v.render());
  }

  private static String signed(int v) {
    return v > 0 ? "+" + v : Integer.toString(v);
  }

  /** The JSON twin of the text report. */
  public static ObjectNode json(Comparison c) {
    ObjectNode o = Json.object();
    o.set("base", side(c.base().proposal()));
    o.set("draft", side(c.draft().proposal()));
    ArrayNode terms = o.putArray("terms");
    for (Comparison.TermChange t : c.terms()) {
      ObjectNode x = terms.addObject();
      x.put("term", t.term());
      ObjectNode holder = Json.object();
      if (t.before() == null) {
        x.putNull("before");
      } else {
        Json.putValue(holder, "before", t.before());
        x.set("before", holder.get("before"));
      }
      if (t.after() == null) {
        x.putNull("after");
      } else {
        Json.putValue(holder, "after", t.after());
        x.set("after", holder.get("after"));
      }
    }
    List<String> moved = new ArrayList<>();
    ArrayNode parties = o.putArray("parties");
    for (Comparison.PartyChange p : c.parties()) {
      ObjectNode x = parties.addObject();
      x.put("party", p.party().code());
      x.put("before", p.before().name());
      x.put("after", p.after().name());
      x.put("direction", p.direction().name());
      x.put("scoreBefore", p.scoreBefore());
      x.put("scoreAfter", p.scoreAfter());
      x.put("maxScore", p.maxScore());
      ArrayNode flips = x.putArray("flips");
      for (Comparison.Flip f : p.flips()) {
        ObjectNode fo = flips.addObject();
        fo.put("id", f.constraint().id());
        fo.put("title", f.constraint().title());
        fo.put("kind", f.constraint().kind().word());
        fo.put("before", f.before().name());
        fo.put("after", f.after().name());
      }
      if (p.before() != p.after()) {
        moved.add(p.party().code());
      }
    }
    o.set("moved", Json.strings(moved));
    return o;
  }

  private static ObjectNode side(Proposal p) {
    ObjectNode o = Json.object();
    o.put("id", p.id());
    o.put("title", p.title());
    o.put("file", p.file());
    return o;
  }
}
