package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.Party;

/**
 * The report of {@code redline history}: per party and term, every stance the rules hold on it
 * over time (each with its period, label, words, sources and evidence), as text or JSON.
 */
public final class HistoryReport {
  private HistoryReport() {}

  /**
   * One party's stances on one term, in the order they held, and the ids of those in force on the
   * day of the rule book the history was read from.
   */
  public record Line(Party party, String term, List<Constraint> stances, java.util.Set<String> inForce) {
    public Line {
      stances = List.copyOf(stances);
      inForce = java.util.Set.copyOf(inForce);
    }
  }

  /**
   * The history of {@code book}'s stances, for the given party and term (null for all), parties
   * in vocabulary order, terms in vocabulary order; a constraint whose condition reads several
   * terms appears under each.
   */
  public static List<Line> lines(RuleBook book, String party, String term) {
    java.time.LocalDate day = book.isLatest() ? null : book.day();
    List<Line> out = new ArrayList<>();
    Comparator<Constraint> byDate = Comparator.comparing(Constraint::from, Comparator.nullsFirst(Comparator.naturalOrder()));
    for (Party p : book.vocabulary().parties().values()) {
      if (party != null && !p.code().equals(party)) {
        continue;
      }
      for (String t : book.vocabulary().terms().keySet()) {
        if (term != null && !t.equals(term)) {
          continue;
        }
        List<Constraint> on = new ArrayList<>();
        for (Constraint c : book.allConstraints()) {
          if (c.party().equals(p.code()) && c.reads().contains(t) && (day == null || c.from() == null || !c.from().isAfter(day))) {
            on.add(c);
          }
        }
        if (!on.isEmpty()) {
          on.sort(byDate); // stable: same start keeps file order
          java.util.Set<String> now = new java.util.HashSet<>();
          on.stream().filter(c -> book.constraint(c.id()).isPresent()).forEach(c -> now.add(c.id()));
          out.add(new Line(p, t, on, now));
        }
      }
    }
    return out;
  }

  /** A stance's period in words: {@code 2025-12-15 – 2026-01-06}, {@code until 2025-12-15}, {@code from 2025-12-24}. */
  public static String period(Constraint c) {
    if (c.from() == null && c.until() == null) {
      return "throughout";
    }
    if (c.from() == null) {
      return "until " + c.until();
    }
    if (c.until() == null) {
      return "from " + c.from();
    }
    return c.from() + " to " + c.until();
  }

  /** Prints the text report; {@code *} marks the stances in force on the day of {@code positions}. */
  public static void text(List<Line> lines, redline.model.Positions positions, PrintWriter out, Style s) {
    out.println(s.dim("* marks the stances in force: the " + positions.describe()));
    out.println();
    if (lines.isEmpty()) {
      out.println("no stance matches");
      out.flush();
      return;
    }
    Map<Party, List<Line>> byParty = new LinkedHashMap<>();
    lines.forEach(l -> byParty.computeIfAbsent(l.party(), k -> new ArrayList<>()).add(l));
    boolean first = true;
    for (Map.Entry<Party, List<Line>> e : byParty.entrySet()) {
      if (!first) {
        out.println();
      }
      first = false;
      out.println(s.bold(e.getKey().name() + " (" + e.getKey().code() + ")"));
      for (Line l : e.getValue()) {
        out.println("  " + s.bold(l.term()));
        for (Constraint c : l.stances()) {
          String head = String.format("  %s %-24s %-7s %-10s ", l.inForce().contains(c.id()) ? "*" : " ", period(c), c.id(), c.kind().word());
          out.println(head + Text.escape(c.title()));
          String indent = " ".repeat(head.length());
          wrap("stance: " + Text.escape(c.stance()), indent, out, s);
          wrap(
              "sources " + String.join(", ", c.sources()) + " (" + c.evidence().word() + ", stated " + c.asOf() + ")"
                  + (c.supersedes().isEmpty() ? "" : "; replaces " + c.supersedes())
                  + (c.isContested() ? "; CONTESTED: " + Text.escape(c.contested()) : ""),
              indent,
              out,
              s);
        }
      }
    }
    out.flush();
  }


  /** Prints {@code text} dimmed, wrapped at 110 columns, each line after {@code indent}. */
  private static void wrap(String text, String indent, PrintWriter out, Style s) {
    EvaluationReport.wrap(text, indent, 110, true, out, s);
  }

  /** The JSON twin: {@code {"positions", "history": [{"party", "term", "stances": [...]}]}}. */
  public static ObjectNode json(List<Line> lines, redline.model.Positions positions) {
    ObjectNode root = Json.object();
    root.set("positions", Json.positions(positions));
    ArrayNode list = root.putArray("history");
    for (Line l : lines) {
      ObjectNode o = list.addObject();
      o.put("party", l.party().code());
      o.put("term", l.term());
      ArrayNode stances = o.putArray("stances");
      for (Constraint c : l.stances()) {
        ObjectNode x = stances.addObject();
        x.put("id", c.id());
        if (c.from() == null) {
          x.putNull("from");
        } else {
          x.put("from", c.from().toString());
        }
        if (c.until() == null) {
          x.putNull("until");
        } else {
          x.put("until", c.until().toString());
        }
        x.put("supersedes", c.supersedes());
        x.put("inForce", l.inForce().contains(c.id()));
        x.put("kind", c.kind().word());
        x.put("title", c.title());
        x.put("stance", c.stance());
        x.set("sources", Json.strings(c.sources()));
        x.put("evidence", c.evidence().name());
        x.put("asOf", c.asOf().toString());
        if (c.isContested()) {
          x.put("contested", c.contested());
        }
        x.put("location", c.at().render());
      }
    }
    return root;
  }
}
