package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import redline.engine.Evaluator;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.PartyResult;
import redline.model.Positions;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.Verdict;

/**
 * The report of {@code redline evaluate}: per party, the verdict and every constraint's outcome
 * with the terms that decided it and its sources; as text or as JSON.
 */
public final class EvaluationReport {
  private EvaluationReport() {}

  /** Prints the answer-first text report of one evaluation (see {@link #text(Evaluation, PrintWriter, Style, boolean)}). */
  public static void text(Evaluation e, PrintWriter out, Style s) {
    text(e, out, s, false);
  }

  /**
   * Prints the text report of one evaluation. Answer first: the summary, then per party its
   * verdict and only the constraints that decided it, then what is left open. With {@code
   * detail}, every constraint of every party with its stance.
   */
  public static void text(Evaluation e, PrintWriter out, Style s, boolean detail) {
    text(e, out, s, detail, java.util.Map.of());
  }

  /**
   * As above, with, for each UNDETERMINED party (by code), the lines that say what its open terms
   * could do ({@link OutlookReport#byParty}): they take the place of its list of open constraints.
   */
  public static void text(Evaluation e, PrintWriter out, Style s, boolean detail, java.util.Map<String, List<String>> outlook) {
    Proposal p = e.proposal();
    out.println(s.bold("Proposal " + Text.escape(p.id())) + (p.title().isEmpty() ? "" : ": " + Text.escape(p.title())));
    List<String> facts = new ArrayList<>();
    if (!p.file().isEmpty()) {
      facts.add("file " + Text.escape(p.file()));
    }
    if (!p.sources().isEmpty()) {
      facts.add("sources " + Text.escape(String.join(", ", p.sources())));
    }
    if (!p.asOf().isEmpty()) {
      facts.add("as of " + Text.escape(p.asOf()));
    }
    facts.add(p.terms().size() + " terms set");
    out.println(s.dim(String.join("; ", facts)));
    out.println(s.dim("judged against the " + e.positions().describe()));
    out.println();
    if (!e.parties().isEmpty()) {
      out.println(s.bold("Summary: ") + summary(e, s));
    }
    if (detail) {
      for (PartyResult r : e.parties()) {
        out.println();
        party(r, out, s);
      }
      if (!outlook.isEmpty()) {
        out.println();
        out.println(s.bold("What the open terms could do"));
        outlook.forEach((code, lines) -> {
          out.println("  " + code + ": " + lines.get(0));
          lines.subList(1, lines.size()).forEach(line -> out.println("      " + line));
        });
      }
    } else {
      // answer first: the rejecting parties and their reasons, then the others, in verdict order
      for (Verdict v : Verdict.values()) {
        e.withVerdict(v).forEach(r -> decided(r, outlook.get(r.party().code()), out, s));
      }
    }
    if (!e.errors().isEmpty()) {
      out.println();
      boolean impossible = e.errors().stream().allMatch(d -> d.code().equals(Evaluator.INCOHERENT));
      out.println(
          s.red(
              impossible
                  ? "This proposal holds terms that cannot exist together, so no verdict is given:"
                  : "The rules failed while running, so no verdict is given:"));
      DiagnosticReport.print(e.errors(), out, s, 0);
    }
    if (!detail && !e.parties().isEmpty()) {
      out.println();
      List<String> open = openTerms(e);
      out.println(open.isEmpty() ? "Open: no term the parties read is left open" : "Open: " + open.size()
          + (open.size() == 1 ? " term is" : " terms are") + " left open, so the constraints reading "
          + (open.size() == 1 ? "it" : "them") + " are UNDETERMINED:");
      if (!open.isEmpty()) {
        wrap(String.join(", ", open), "  ", out, s);
      }
      out.println(s.dim("redline evaluate --detail lists every constraint with its stance"));
    }
    out.flush();
  }

  /** The constraints that decided a party's verdict: the reason it has that verdict and no better one. */
  public static List<ConstraintResult> decisive(PartyResult r) {
    List<ConstraintResult> out = new ArrayList<>();
    switch (r.verdict()) {
      case REJECTS -> out.addAll(r.with(Kind.RED_LINE, Status.BROKEN));
      case OBJECTS -> out.addAll(r.with(Kind.OBJECTION, Status.BROKEN));
      case UNDETERMINED -> {
        out.addAll(r.with(Kind.RED_LINE, Status.UNDETERMINED));
        List<ConstraintResult> objections = r.with(Kind.OBJECTION, Status.BROKEN);
        if (objections.isEmpty()) {
          out.addAll(r.with(Kind.OBJECTION, Status.UNDETERMINED));
        } else {
          out.addAll(objections);
        }
      }
      case ACCEPTS -> {}
    }
    return out;
  }

  /** The terms left open that some evaluated constraint reads, in first-read order. */
  public static List<String> openTerms(Evaluation e) {
    java.util.Set<String> open = new java.util.LinkedHashSet<>();
    for (PartyResult r : e.parties()) {
      for (ConstraintResult c : r.with(Status.UNDETERMINED)) {
        c.terms().forEach((t, v) -> {
          if (v.equals(ConstraintResult.OPEN)) {
            open.add(t);
          }
        });
      }
    }
    return new ArrayList<>(open);
  }

  /** The short block of one party: verdict, score, the decisive constraints, one line on what is open. */
  private static void decided(PartyResult r, List<String> outlook, PrintWriter out, Style s) {
    out.println();
    out.println(s.bold(Text.escape(r.party().name()) + " (" + r.party().code() + "): ") + color(r.verdict(), s, r.verdict().name())
        + s.dim(score(r)));
    List<ConstraintResult> why = decisive(r);
    if (outlook != null && !outlook.isEmpty()) {
      // what the open terms could do: the broken objections, then which values would decide it
      why = why.stream().filter(c -> c.status() == Status.BROKEN).toList();
    }
    if (why.isEmpty() && (outlook == null || outlook.isEmpty())) {
      out.println("  " + (r.verdict() == Verdict.ACCEPTS ? "every red line and objection is satisfied" : "no constraint decided it"));
    }
    for (ConstraintResult c : why) {
      Constraint k = c.constraint();
      boolean broken = c.status() == Status.BROKEN;
      String label = k.kind().word().replace('-', ' ') + " " + (broken ? "broken" : "open");
      String head = "  " + k.id() + " " + Text.escape(k.title()) + ": ";
      String body = broken ? terms(c) : String.join(", ", c.terms().keySet()) + " open";
      String tail = "  (" + label + "; " + String.join(", ", k.sources()) + ")";
      if (head.length() + body.length() + tail.length() <= WIDTH) {
        out.println("  " + s.bold(k.id()) + " " + Text.escape(k.title()) + ": " + body + s.dim(tail));
      } else {
        out.println("  " + s.bold(k.id()) + " " + Text.escape(k.title()) + ":");
        wrap(body + tail, " ".repeat(3 + k.id().length()), out, s);
      }
    }
    if (outlook != null && !outlook.isEmpty()) {
      wrap(outlook.get(0), "  ", WIDTH, false, out, s);
      for (String line : outlook.subList(1, outlook.size())) {
        wrap(line, "    ", WIDTH, false, out, s);
      }
      return;
    }
    List<ConstraintResult> open = r.with(Status.UNDETERMINED);
    if (!open.isEmpty() && r.verdict() != Verdict.REJECTS) { // no open term can lift a broken red line
      java.util.Set<String> terms = new java.util.LinkedHashSet<>();
      open.forEach(c -> c.terms().forEach((t, v) -> {
        if (v.equals(ConstraintResult.OPEN)) {
          terms.add(t);
        }
      }));
      String which = terms.size() <= 4 ? String.join(", ", terms) + " leave" + (terms.size() == 1 ? "s" : "") : terms.size() + " open terms leave";
      wrap("open: " + which + " " + count(open.size(), "constraint") + " of this party undetermined", "  ", out, s);
    }
  }

  private static String count(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  private static String score(PartyResult r) {
    return r.maxScore() == 0 ? "" : "   preferences " + r.score() + " (of -" + r.maxScore() + "..+" + r.maxScore() + ")";
  }

  /** One line naming which parties reject, object, accept or are undetermined. */
  public static String summary(Evaluation e, Style s) {
    List<String> parts = new ArrayList<>();
    for (Verdict v : Verdict.values()) {
      List<PartyResult> rs = e.withVerdict(v);
      if (!rs.isEmpty()) {
        String names = String.join(", ", rs.stream().map(r -> r.party().code()).toList());
        parts.add(color(v, s, v.name()) + " " + names);
      }
    }
    return String.join("; ", parts);
  }

  private static void party(PartyResult r, PrintWriter out, Style s) {
    out.println(s.bold(Text.escape(r.party().name()) + " (" + r.party().code() + "): ") + color(r.verdict(), s, r.verdict().name()) + s.dim(score(r)));
    String why = reason(r);
    if (!why.isEmpty()) {
      out.println("  " + why);
    }
    for (Status status : List.of(Status.BROKEN, Status.UNDETERMINED, Status.SATISFIED)) {
      for (Kind kind : Kind.positions()) {
        for (ConstraintResult c : r.with(kind, status)) {
          constraint(c, out, s);
        }
      }
    }
  }

  /** Why the party has its verdict, in words. */
  static String reason(PartyResult r) {
    return switch (r.verdict()) {
      case REJECTS -> "red lines broken: " + ids(r.with(Kind.RED_LINE, Status.BROKEN));
      case OBJECTS -> "no red line broken; objections broken: " + ids(r.with(Kind.OBJECTION, Status.BROKEN));
      case UNDETERMINED -> {
        List<ConstraintResult> open = new ArrayList<>(r.with(Kind.RED_LINE, Status.UNDETERMINED));
        open.addAll(r.with(Kind.OBJECTION, Status.UNDETERMINED));
        List<ConstraintResult> objections = r.with(Kind.OBJECTION, Status.BROKEN);
        yield "no red line broken, but open terms leave undetermined: "
            + ids(open)
            + (objections.isEmpty() ? "" : "; objections broken: " + ids(objections));
      }
      case ACCEPTS -> "every red line and objection is satisfied";
    };
  }

  private static String ids(List<ConstraintResult> rs) {
    return String.join(", ", rs.stream().map(c -> named(c.constraint())).toList());
  }

  /** A constraint as it appears in any report: its id with its title, {@code RU-06 (Ukraine must be neutral)}. */
  public static String named(Constraint k) {
    return k.id() + " (" + Text.escape(k.title()) + ")";
  }

  private static void constraint(ConstraintResult c, PrintWriter out, Style s) {
    Constraint k = c.constraint();
    String status = String.format("%-12s", c.status().name());
    String colored =
        switch (c.status()) {
          case BROKEN -> k.kind() == Kind.RED_LINE ? s.red(status) : s.yellow(status);
          case UNDETERMINED -> s.yellow(status);
          case SATISFIED -> s.green(status);
        };
    String weight = k.kind() == Kind.PREFERENCE ? " " + k.weight() : "";
    out.println("  " + colored + " " + String.format("%-7s", k.id()) + " " + String.format("%-12s", k.kind().word() + weight) + " " + Text.escape(k.title()));
    String indent = " ".repeat(36);
    wrap(terms(c) + "; " + cite(k), indent, out, s);
    if (c.status() == Status.BROKEN) {
      wrap("stance: " + k.stance(), indent, out, s);
    }
    if (k.isContested()) {
      wrap("CONTESTED: " + k.contested(), indent, out, s);
    }
  }

  /** Prints {@code text} dimmed, wrapped at {@link #WIDTH} columns, each line after {@code indent}. */
  static void wrap(String text, String indent, PrintWriter out, Style s) {
    wrap(text, indent, WIDTH, true, out, s);
  }

  /** Prints {@code text} wrapped at {@code width} columns, each line after {@code indent}, dimmed or not. */
  static void wrap(String text, String indent, int width, boolean dim, PrintWriter out, Style s) {
    int room = Math.max(40, width - indent.length());
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > room) {
        out.println(indent + (dim ? s.dim(line.toString()) : line.toString()));
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      out.println(indent + (dim ? s.dim(line.toString()) : line.toString()));
    }
  }

  /** The width text reports wrap at. */
  static final int WIDTH = 110;

  private static String terms(ConstraintResult c) {
    List<String> parts = new ArrayList<>();
    c.terms().forEach((t, v) -> parts.add(t + " = " + v));
    return parts.isEmpty() ? "reads no term" : String.join(", ", parts);
  }

  /** The sources of a constraint, e.g. {@code sources S05, S28 (reported, 2025-08-21)}. */
  static String cite(Constraint k) {
    return "sources " + String.join(", ", k.sources()) + " (" + k.evidence().word() + ", " + k.asOf() + ")";
  }

  private static String color(Verdict v, Style s, String text) {
    return switch (v) {
      case REJECTS -> s.red(text);
      case OBJECTS, UNDETERMINED -> s.yellow(text);
      case ACCEPTS -> s.green(text);
    };
  }

  /** The JSON twin of one evaluation. */
  public static ObjectNode json(Evaluation e) {
    ObjectNode o = Json.object();
    Proposal p = e.proposal();
    ObjectNode prop = o.putObject("proposal");
    prop.put("id", p.id());
    prop.put("title", p.title());
    prop.put("file", p.file());
    prop.set("sources", Json.strings(p.sources()));
    prop.put("asOf", p.asOf());
    ObjectNode terms = prop.putObject("terms");
    p.terms().forEach((k, v) -> Json.putValue(terms, k, v));
    o.set("positions", Json.positions(e.positions()));
    ObjectNode verdicts = o.putObject("verdicts");
    e.parties().forEach(r -> verdicts.put(r.party().code(), r.verdict().name()));
    o.set("rejectedBy", Json.strings(e.withVerdict(Verdict.REJECTS).stream().map(r -> r.party().code()).toList()));
    ArrayNode parties = o.putArray("parties");
    for (PartyResult r : e.parties()) {
      ObjectNode pr = parties.addObject();
      pr.put("party", r.party().code());
      pr.put("name", r.party().name());
      pr.put("verdict", r.verdict().name());
      pr.put("reason", reason(r));
      pr.set("decisive", Json.strings(decisive(r).stream().map(c -> c.constraint().id()).toList()));
      pr.put("score", r.score());
      pr.put("maxScore", r.maxScore());
      ArrayNode cs = pr.putArray("constraints");
      for (ConstraintResult c : r.constraints()) {
        cs.add(constraint(c));
      }
    }
    o.set("errors", Json.diagnostics(e.errors()));
    return o;
  }

  /** The JSON of one constraint's outcome. */
  public static ObjectNode constraint(ConstraintResult c) {
    Constraint k = c.constraint();
    ObjectNode o = Json.object();
    o.put("id", k.id());
    o.put("kind", k.kind().word());
    if (k.kind() == Kind.PREFERENCE) {
      o.put("weight", k.weight());
    }
    o.put("status", c.status().name());
    o.put("title", k.title());
    ObjectNode terms = o.putObject("terms");
    c.terms().forEach(terms::put);
    o.put("explanation", c.explanation());
    o.put("stance", k.stance());
    o.set("sources", Json.strings(k.sources()));
    o.put("evidence", k.evidence().name());
    o.put("asOf", k.asOf().toString());
    Json.putValidity(o, k);
    if (k.isContested()) {
      o.put("contested", k.contested());
    }
    o.put("location", k.at().render());
    return o;
  }
}
