package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Verdict;

/**
 * The table of {@code redline table}: proposals as rows, parties as columns, each cell the verdict
 * and, in a numbered footnote, the constraint that decided it (the first, with how many more);
 * as text, Markdown, CSV or JSON.
 */
public final class TableReport {
  private TableReport() {}

  /** The table's content, shared by every format. */
  public record Table(List<Party> parties, List<Row> rows, List<Constraint> notes) {
    public Table {
      parties = List.copyOf(parties);
      rows = List.copyOf(rows);
      notes = List.copyOf(notes);
    }

    /** The footnote number of constraint {@code c} (1-based). */
    public int note(Constraint c) {
      return notes.indexOf(c) + 1;
    }
  }

  /** One proposal: its evaluation and one cell per party (null when the party was not evaluated). */
  public record Row(Evaluation evaluation, List<Cell> cells) {
    public Row {
      cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
    }
  }

  /** One party's verdict on one proposal and the constraints that decided it. */
  public record Cell(Verdict verdict, List<Constraint> decisive) {
    public Cell {
      decisive = List.copyOf(decisive);
    }
  }

  /** Builds the table of {@code evaluations}; the columns are the parties of the first, in its order. */
  public static Table of(List<Evaluation> evaluations) {
    Map<String, Party> parties = new LinkedHashMap<>();
    evaluations.forEach(e -> e.parties().forEach(r -> parties.putIfAbsent(r.party().code(), r.party())));
    List<Constraint> notes = new ArrayList<>();
    List<Row> rows = new ArrayList<>();
    for (Evaluation e : evaluations) {
      List<Cell> cells = new ArrayList<>();
      for (String code : parties.keySet()) {
        PartyResult r = e.party(code).orElse(null);
        if (r == null || !e.errors().isEmpty()) {
          cells.add(null);
          continue;
        }
        List<Constraint> why = EvaluationReport.decisive(r).stream().map(ConstraintResult::constraint).toList();
        if (!why.isEmpty() && !notes.contains(why.get(0))) {
          notes.add(why.get(0));
        }
        cells.add(new Cell(r.verdict(), why));
      }
      rows.add(new Row(e, cells));
    }
    return new Table(new ArrayList<>(parties.values()), rows, notes);
  }

  /** The cell as text: the verdict, its footnote and how many more constraints decided it. */
  static String cell(Table t, Cell c, String open, String close) {
    if (c == null) {
      return "(no verdict)";
    }
    if (c.decisive().isEmpty()) {
      return c.verdict().name();
    }
    int more = c.decisive().size() - 1;
    return c.verdict().name() + " " + open + t.note(c.decisive().get(0)) + close + (more > 0 ? " +" + more : "");
  }

  /** The plain-text table, columns aligned, footnotes below. */
  public static void text(Table t, PrintWriter out, Style s) {
    List<String> head = new ArrayList<>();
    head.add("draft");
    t.parties().forEach(p -> head.add(p.code()));
    List<List<String>> lines = new ArrayList<>();
    for (Row r : t.rows()) {
      List<String> line = new ArrayList<>();
      line.add(Text.escape(r.evaluation().proposal().id()));
      r.cells().forEach(c -> line.add(cell(t, c, "[", "]")));
      lines.add(line);
    }
    int[] width = new int[head.size()];
    for (int i = 0; i < head.size(); i++) {
      width[i] = head.get(i).length();
      for (List<String> l : lines) {
        width[i] = Math.max(width[i], l.get(i).length());
      }
    }
    out.println(s.bold(pad(head, width)));
    for (int k = 0; k < lines.size(); k++) {
      List<String> l = lines.get(k);
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < l.size(); i++) {
        String cell = String.format("%-" + width[i] + "s", l.get(i));
        Cell c = i == 0 ? null : t.rows().get(k).cells().get(i - 1);
        sb.append(i == 0 ? cell : "  " + color(c, cell, s));
      }
      out.println(sb.toString().stripTrailing());
    }
    if (!t.notes().isEmpty()) {
      out.println();
      out.println(s.dim("[n]: the constraint that decided the verdict (+k: k more also did; redline evaluate FILE lists them)"));
      for (Constraint c : t.notes()) {
        out.println(String.format("%4s ", "[" + t.note(c) + "]") + c.id() + " " + c.title() + s.dim(" (" + c.kind().word().replace('-', ' ') + ")"));
      }
    }
    out.flush();
  }

  private static String color(Cell c, String text, Style s) {
    if (c == null) {
      return text;
    }
    return switch (c.verdict()) {
      case REJECTS -> s.red(text);
      case OBJECTS, UNDETERMINED -> s.yellow(text);
      case ACCEPTS -> s.green(text);
    };
  }

  private static String pad(List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      sb.append(i == 0 ? "" : "  ").append(String.format("%-" + width[i] + "s", cells.get(i)));
    }
    return sb.toString().stripTrailing();
  }

  /** The table as Markdown (GitHub footnotes). */
  public static void markdown(Table t, PrintWriter out) {
    StringBuilder head = new StringBuilder("| draft |");
    StringBuilder rule = new StringBuilder("|---|");
    t.parties().forEach(p -> {
      head.append(' ').append(md(p.code())).append(" |");
      rule.append("---|");
    });
    out.println(head);
    out.println(rule);
    for (Row r : t.rows()) {
      StringBuilder sb = new StringBuilder("| " + md(r.evaluation().proposal().id()) + " |");
      r.cells().forEach(c -> sb.append(' ').append(cell(t, c, "[^", "]")).append(" |"));
      out.println(sb);
    }
    if (!t.notes().isEmpty()) {
      out.println();
      for (Constraint c : t.notes()) {
        out.println("[^" + t.note(c) + "]: " + md(c.id()) + " " + md(c.title()) + " (" + c.kind().word().replace('-', ' ') + ")");
      }
    }
    out.flush();
  }

  /** Escapes text for a Markdown table cell or line: HTML as entities, a backslash before the characters Markdown gives a meaning. */
  public static String md(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : Text.escape(s).toCharArray()) {
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        default -> {
          if ("\\`*_{}[]()#+!|~".indexOf(ch) >= 0) {
            sb.append('\\');
          }
          sb.append(ch);
        }
      }
    }
    return sb.toString();
  }

  /** The table as CSV (RFC 4180): per party its verdict and the ids of the constraints that decided it. */
  public static void csv(Table t, PrintWriter out) {
    List<String> head = new ArrayList<>(List.of("draft", "title", "file"));
    t.parties().forEach(p -> {
      head.add(p.code());
      head.add(p.code() + " decided by");
    });
    out.print(csvLine(head));
    for (Row r : t.rows()) {
      List<String> line = new ArrayList<>(List.of(r.evaluation().proposal().id(), r.evaluation().proposal().title(), r.evaluation().proposal().file()));
      for (Cell c : r.cells()) {
        line.add(c == null ? "" : c.verdict().name());
        line.add(c == null ? "" : String.join(" ", c.decisive().stream().map(Constraint::id).toList()));
      }
      out.print(csvLine(line));
    }
    out.flush();
  }

  private static String csvLine(List<String> cells) {
    List<String> out = new ArrayList<>();
    for (String c : cells) {
      String v = c;
      if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
        v = "'" + v; // a spreadsheet must not read a cell from a proposal file as a formula
      }
      out.add(v.matches(".*[\",\r\n].*") || !v.equals(c) ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
    }
    return String.join(",", out) + "\r\n";
  }

  /** The table as JSON. */
  public static ObjectNode json(Table t) {
    ObjectNode o = Json.object();
    o.set("parties", Json.strings(t.parties().stream().map(Party::code).toList()));
    ArrayNode rows = o.putArray("rows");
    for (Row r : t.rows()) {
      ObjectNode x = rows.addObject();
      x.put("id", r.evaluation().proposal().id());
      x.put("title", r.evaluation().proposal().title());
      x.put("file", r.evaluation().proposal().file());
      ObjectNode cells = x.putObject("cells");
      for (int i = 0; i < t.parties().size(); i++) {
        Cell c = r.cells().get(i);
        if (c == null) {
          cells.putNull(t.parties().get(i).code());
          continue;
        }
        ObjectNode co = cells.putObject(t.parties().get(i).code());
        co.put("verdict", c.verdict().name());
        co.set("decisive", Json.strings(c.decisive().stream().map(Constraint::id).toList()));
        if (!c.decisive().isEmpty()) {
          co.put("note", t.note(c.decisive().get(0)));
        }
      }
      x.set("errors", Json.diagnostics(r.evaluation().errors()));
    }
    ArrayNode notes = o.putArray("notes");
    for (Constraint c : t.notes()) {
      ObjectNode n = notes.addObject();
      n.put("note", t.note(c));
      n.put("id", c.id());
      n.put("title", c.title());
      n.put("kind", c.kind().word());
      n.put("party", c.party());
    }
    return o;
  }
}
