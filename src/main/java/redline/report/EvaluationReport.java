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

  /** Prints the text report of one evaluation. */
  public static void text(Evaluation e, PrintWriter out, Style s) {
    Proposal p = e.proposal();
    out.println(s.bold("Proposal " + p.id()) + (p.title().isEmpty() ? "" : ": " + p.title()));
    List<String> facts = new ArrayList<>();
    if (!p.file().isEmpty()) {
      facts.add("file " + p.file());
    }
    if (!p.sources().isEmpty()) {
      facts.add("sources " + String.join(", ", p.sources()));
    }
    if (!p.asOf().isEmpty()) {
      facts.add("as of " + p.asOf());
    }
    facts.add(p.terms().size() + " terms set");
    out.println(s.dim(String.join("; ", facts)));
    out.println(s.dim("judged against the " + e.positions().describe()));
    out.println();
    if (!e.parties().isEmpty()) {
      out.println(s.bold("Summary: ") + summary(e, s));
      for (PartyResult r : e.withVerdict(Verdict.REJECTS)) {
        List<String> why = new ArrayList<>();
        for (ConstraintResult c : r.with(Kind.RED_LINE, Status.BROKEN)) {
          why.add(c.constraint().id() + " " + c.constraint().title() + " (" + terms(c) + ")");
        }
        String head = "  " + r.party().code() + " rejects: ";
        for (int i = 0; i < why.size(); i++) {
          out.println((i == 0 ? head : " ".repeat(head.length())) + why.get(i));
        }
      }
    }
    for (PartyResult r : e.parties()) {
      out.println();
      party(r, out, s);
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
    out.flush();
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
    String score =
        r.maxScore() == 0 ? "" : "   preferences " + r.score() + " (of -" + r.maxScore() + "..+" + r.maxScore() + ")";
    out.println(s.bold(r.party().name() + " (" + r.party().code() + "): ") + color(r.verdict(), s, r.verdict().name()) + s.dim(score));
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
    return String.join(", ", rs.stream().map(c -> c.constraint().id()).toList());
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
    out.println("  " + colored + " " + String.format("%-7s", k.id()) + " " + String.format("%-12s", k.kind().word() + weight) + " " + k.title());
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
  private static void wrap(String text, String indent, PrintWriter out, Style s) {
    int room = Math.max(40, WIDTH - indent.length());
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > room) {
        out.println(indent + s.dim(line.toString()));
        line.setLength(0);
      }
      line.append(line.length() == 0 ? "" : " ").append(word);
    }
    if (line.length() > 0) {
      out.println(indent + s.dim(line.toString()));
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
