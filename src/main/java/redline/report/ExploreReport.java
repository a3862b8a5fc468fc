package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redline.explore.Exploration;
import redline.model.Constraint;
import redline.model.Party;
import redline.model.TermValue;

/**
 * The report of {@code redline explore}: whether some proposal breaks no considered party's red
 * line, how many do, the best of them, and otherwise the minimal relaxations; as text or JSON.
 */
public final class ExploreReport {
  private ExploreReport() {}

  /** Prints the text report. */
  public static void text(Exploration x, int terms, PrintWriter out, Style s) {
    out.println(s.bold("Agreement space") + " of " + codes(x.parties()) + (x.objections() ? " (objections count as red lines)" : ""));
    List<String> facts = new ArrayList<>();
    facts.add(terms + " terms in " + x.groups() + " independent groups");
    if (!x.fixed().isEmpty()) {
      List<String> f = new ArrayList<>();
      x.fixed().forEach((t, v) -> f.add(t + " = " + v.render()));
      facts.add("fixed: " + String.join(", ", f));
    }
    facts.add(x.partial() ? "stopped before the end: partial" : "exact: every combination accounted for");
    out.println(s.dim(String.join("; ", facts)));
    out.println("space: " + big(x.spaceSize()) + " proposals " + s.dim("(number terms counted by the ranges the rules tell apart)"));
    out.println();
    if (x.partial()) {
      out.println(s.yellow("The search was stopped: what follows is what was found so far."));
      out.println();
    }
    if (x.hasZone()) {
      zone(x, out, s);
    } else if (!x.partial()) {
      blocked(x, out, s);
    }
    if (!x.errors().isEmpty()) {
      out.println();
      out.println(s.red("Problems met:"));
      DiagnosticReport.print(x.errors(), out, s, 0);
    }
    out.flush();
  }

  private static void zone(Exploration x, PrintWriter out, Style s) {
    out.println(
        s.bold("Zone of possible agreement: ")
            + s.green(big(x.zoneSize()) + " proposals")
            + " break no red line of " + codes(x.parties()) + " (" + percent(x.zoneSize(), x.spaceSize()) + " of the space)");
    List<String> settled = new ArrayList<>();
    List<String> narrowed = new ArrayList<>();
    x.zoneValues().forEach(
        (t, vs) -> {
          List<String> shown = vs.stream().limit(6).map(v -> x.ranges().render(t, v)).toList();
          String values = String.join(" | ", shown) + (vs.size() > shown.size() ? " | ... (" + vs.size() + " values)" : "");
          if (vs.size() == 1) {
            settled.add(t + " = " + values);
          } else {
            narrowed.add(t + " in " + values);
          }
        });
    if (!settled.isEmpty()) {
      out.println("  every proposal in the zone has:");
      settled.forEach(l -> out.println("    " + l));
    }
    if (!narrowed.isEmpty()) {
      out.println("  and the zone narrows:");
      narrowed.forEach(l -> out.println("    " + l));
    }
    out.println();
    Exploration.Point m = x.maximin();
    if (m != null) {
      out.println(s.bold("Best for the worst-off party") + s.dim(" (preference score over its highest possible score, maximised for the party that fares worst)"));
      out.println("  " + scores(x, m));
      List<String> terms = new ArrayList<>();
      m.proposal().terms().forEach((t, v) -> terms.add(t + " = " + x.ranges().render(t, v)));
      terms.forEach(t -> out.println("    " + t));
      out.println();
    }
    out.println(
        s.bold("Pareto front: ") + x.frontSize() + (x.frontSize() == 1 ? " proposal" : " proposals")
            + " that no other proposal in the zone beats for every party"
            + (x.front().size() < x.frontSize() ? s.dim(" (first " + x.front().size() + " shown; --limit N for more)") : ""));
    int i = 0;
    for (Exploration.Point p : x.front()) {
      i++;
      out.println(String.format("  %2d. ", i) + scores(x, p));
      if (m != null && p != m) {
        List<String> diff = new ArrayList<>();
        p.proposal().terms().forEach(
            (t, v) -> {
              if (!v.equals(m.proposal().terms().get(t))) {
                diff.add(t + " = " + x.ranges().render(t, v));
              }
            });
        out.println("      " + s.dim(diff.isEmpty() ? "as above" : "differs from the above in: " + String.join(", ", diff)));
      } else {
        out.println("      " + s.dim("the proposal above"));
      }
    }
  }

  private static String scores(Exploration x, Exploration.Point p) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < x.parties().size(); i++) {
      parts.add(x.parties().get(i).code() + " " + signed(p.scores().get(i)) + "/" + x.maxScores().get(i));
    }
    return String.join("  ", parts) + "   worst " + String.format(Locale.ROOT, "%+.2f", p.worst());
  }

  private static String signed(int v) {
    return v > 0 ? "+" + v : Integer.toString(v);
  }

  private static void blocked(Exploration x, PrintWriter out, Style s) {
    out.println(
        s.bold("Zone of possible agreement: ") + s.red("EMPTY")
            + ": every proposal breaks a red line of " + codes(x.parties()));
    out.println();
    out.println(
        s.bold("Blocked: ") + x.blocked().size() + (x.blocked().size() == 1 ? " term group has" : " term groups have")
            + " no value that every party accepts; each opens if one of its relaxations is made:");
    for (Exploration.Blocked b : x.blocked()) {
      out.println("  " + s.bold(String.join(" + ", b.terms())));
      for (Exploration.Relaxation r : b.relaxations()) {
        out.println("    relax " + relaxation(r));
      }
    }
    out.println();
    int smallest = x.relaxations().isEmpty() ? 0 : x.relaxations().get(0).constraints().size();
    boolean more = x.relaxationCount().compareTo(java.math.BigInteger.valueOf(x.relaxations().size())) > 0;
    out.println(
        s.bold("Minimal relaxations that open the zone, smallest first: ") + big(x.relaxationCount()) + " in all, the smallest "
            + smallest + (smallest == 1 ? " red line" : " red lines")
            + (more ? s.dim(" (first " + x.relaxations().size() + " shown; --limit N for more)") : ""));
    int i = 0;
    for (Exploration.Relaxation r : x.relaxations()) {
      out.println(String.format("  %2d. ", ++i) + String.join(", ", r.constraints().stream().map(EvaluationReport::named).toList()));
      out.println("      " + s.dim("parties that would move: " + codes(r.parties())));
    }
    if (!x.partySets().isEmpty()) {
      out.println();
      out.println(s.bold("Parties that would have to move") + s.dim(" (minimal sets whose red lines, all dropped, open the zone):"));
      for (List<Party> set : x.partySets()) {
        out.println("  " + codes(set));
      }
    }
  }

  private static String relaxation(Exploration.Relaxation r) {
    List<String> parts = new ArrayList<>();
    for (Constraint c : r.constraints()) {
      parts.add(c.id() + " (" + Text.escape(c.title()) + ")");
    }
    return String.join(" and ", parts);
  }

  private static String codes(List<Party> parties) {
    return String.join(", ", parties.stream().map(Party::code).toList());
  }

  /** A count with thousands separators. */
  static String big(BigInteger n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String percent(BigInteger part, BigInteger whole) {
    if (whole.signum() == 0) {
      return "0%";
    }
    double p = new java.math.BigDecimal(part).divide(new java.math.BigDecimal(whole), java.math.MathContext.DECIMAL64).doubleValue() * 100;
    return p >= 0.01 ? String.format(Locale.ROOT, "%.2f%%", p) : String.format(Locale.ROOT, "%.2g%%", p);
  }

  /** Per number term, the range of numbers each value found stands for: {@code {"army_cap": {"600001": "600,001 to 799,999"}}}. */
  static ObjectNode ranges(redline.explore.Ranges r) {
    ObjectNode o = Json.object();
    r.text().forEach((t, m) -> {
      ObjectNode tm = o.putObject(t);
      m.forEach((v, text) -> tm.put(v.render(), text));
    });
    return o;
  }

  /** The JSON twin of the text report. */
  public static ObjectNode json(Exploration x) {
    ObjectNode o = Json.object();
    o.set("parties", Json.strings(x.parties().stream().map(Party::code).toList()));
    o.put("objectionsCount", x.objections());
    ObjectNode fixed = o.putObject("fixed");
    x.fixed().forEach((t, v) -> Json.putValue(fixed, t, v));
    o.put("exact", !x.partial());
    o.put("partial", x.partial());
    o.set("ranges", ranges(x.ranges()));
    o.put("groups", x.groups());
    o.put("space", x.spaceSize());
    ObjectNode zone = o.putObject("zone");
    zone.put("empty", !x.hasZone());
    zone.put("size", x.zoneSize());
    ObjectNode values = zone.putObject("values");
    x.zoneValues().forEach(
        (t, vs) -> {
          ArrayNode a = values.putArray(t);
          vs.forEach(v -> {
            ObjectNode tmp = Json.object();
            Json.putValue(tmp, "v", v);
            a.add(tmp.get("v"));
          });
        });
    ObjectNode max = o.putObject("maxScores");
    for (int i = 0; i < x.parties().size(); i++) {
      max.put(x.parties().get(i).code(), x.maxScores().get(i));
    }
    o.set("maximin", x.maximin() == null ? null : point(x, x.maximin()));
    ObjectNode front = o.putObject("front");
    front.put("size", x.frontSize());
    ArrayNode points = front.putArray("points");
    x.front().forEach(p -> points.add(point(x, p)));
    ArrayNode blocked = o.putArray("blocked");
    for (Exploration.Blocked b : x.blocked()) {
      ObjectNode bo = blocked.addObject();
      bo.set("terms", Json.strings(b.terms()));
      ArrayNode rs = bo.putArray("relaxations");
      b.relaxations().forEach(r -> rs.add(relaxationJson(r)));
    }
    ObjectNode rel = o.putObject("relaxations");
    rel.put("count", x.relaxationCount());
    rel.put("smallest", x.relaxations().isEmpty() ? 0 : x.relaxations().get(0).constraints().size());
    ArrayNode sets = rel.putArray("sets");
    x.relaxations().forEach(r -> sets.add(relaxationJson(r)));
    ArrayNode partySets = o.putArray("partySets");
    x.partySets().forEach(set -> partySets.add(Json.strings(set.stream().map(Party::code).toList())));
    o.set("errors", Json.diagnostics(x.errors()));
    return o;
  }

  private static ObjectNode point(Exploration x, Exploration.Point p) {
    ObjectNode o = Json.object();
    ObjectNode scores = o.putObject("scores");
    ObjectNode norm = o.putObject("normalised");
    for (int i = 0; i < x.parties().size(); i++) {
      scores.put(x.parties().get(i).code(), p.scores().get(i));
      norm.put(x.parties().get(i).code(), Math.round(p.normalised().get(i) * 10000) / 10000.0);
    }
    o.put("worst", Math.round(p.worst() * 10000) / 10000.0);
    ObjectNode terms = o.putObject("terms");
    p.proposal().terms().forEach((t, v) -> Json.putValue(terms, t, v));
    return o;
  }

  private static ObjectNode relaxationJson(Exploration.Relaxation r) {
    ObjectNode o = Json.object();
    o.set("constraints", Json.strings(r.constraints().stream().map(Constraint::id).toList()));
    o.set("parties", Json.strings(r.parties().stream().map(Party::code).toList()));
    return o;
  }
}
