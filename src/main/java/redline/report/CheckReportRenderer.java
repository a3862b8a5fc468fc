package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.check.CheckReport;
import redline.check.Conflict;
import redline.check.ConstraintAnalysis;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Kind;
import redline.model.Party;
import redline.model.Severity;
import redline.model.Term;
import redline.model.TermKind;

/**
 * The report of {@code redline check}: the diagnostics grouped by file, what each stage did,
 * and the conflict map (for each term, the minimal sets of red lines of different parties that
 * no proposal can satisfy together); as text or as JSON. SARIF is in {@link SarifReport}.
 */
public final class CheckReportRenderer {
  /** The code of the notes that the conflict map shows instead of the file listing. */
  private static final String CONFLICT = "red-line-conflict";

  private CheckReportRenderer() {}

  /** Prints the text report, showing at most {@code max} diagnostics (all when 0 or less). */
  public static void text(CheckReport r, PrintWriter out, Style s, int max) {
    out.println(s.bold("Redline check of " + r.folder()) + ": " + scope(r));
    if (r.positions().day() != null) {
      int earlier = Math.max(0, r.datesChecked().size() - 1);
      out.println(
          s.dim(
              "Analyses and conflict map of the " + r.positions().describe()
                  + (earlier == 0 ? "" : "; the positions of " + earlier + " earlier " + (earlier == 1 ? "day" : "days") + " on which they change checked too")));
    }
    diagnostics(r, out, s, max);
    out.println();
    stages(r, out, s);
    if (r.stages().stream().anyMatch(x -> x.name().equals("conflicts") && x.ran())) {
      out.println();
      conflictMap(r, out, s);
    }
    out.println();
    out.println(result(r, s));
    out.flush();
  }

  private static String scope(CheckReport r) {
    long ruleFiles = r.files().stream().filter(f -> f.endsWith(".drl")).count();
    List<String> parts = new ArrayList<>();
    parts.add(count(ruleFiles, "rule file", "rule files"));
    if (!r.constraints().isEmpty()) {
      List<String> kinds = new ArrayList<>();
      for (Kind k : Kind.positions()) {
        long n = r.constraints().stream().filter(a -> a.constraint().kind() == k).count();
        String word = k.word().replace('-', ' ');
        kinds.add(count(n, word, word + "s"));
      }
      parts.add(count(r.constraints().size(), "constraint", "constraints") + " (" + String.join(", ", kinds) + ")");
    }
    if (!r.terms().isEmpty()) {
      parts.add(count(r.terms().size(), "term", "terms"));
    }
    return String.join(", ", parts);
  }

  private static void diagnostics(CheckReport r, PrintWriter out, Style s, int max) {
    // The conflict map shows the conflicts of the positions checked; those found only on earlier
    // days (stage `dates`) are listed with their dates.
    java.util.Set<Diagnostic> dated = new java.util.HashSet<>();
    r.stages().stream().filter(x -> x.name().equals("dates")).forEach(x -> dated.addAll(x.diagnostics()));
    List<Diagnostic> listed = r.diagnostics().stream().filter(d -> !d.code().equals(CONFLICT) || dated.contains(d)).toList();
    if (listed.isEmpty()) {
      out.println();
      out.println(s.green("No problems found in the rule files."));
      return;
    }
    // when capped, errors go first, then warnings, then notes
    List<Diagnostic> shown = new ArrayList<>();
    for (Severity sev : Severity.values()) {
      for (Diagnostic d : listed) {
        if (d.severity() == sev && (max <= 0 || shown.size() < max)) {
          shown.add(d);
        }
      }
    }
    Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
    for (Diagnostic d : Diagnostic.sorted(shown)) {
      byFile.computeIfAbsent(d.at().file(), f -> new ArrayList<>()).add(d);
    }
    for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
      out.println();
      List<Diagnostic> all = listed.stream().filter(d -> d.at().file().equals(e.getKey())).toList();
      out.println(s.bold(e.getKey().isEmpty() ? "(no file)" : e.getKey()) + s.dim(" - " + tally(all)));
      for (Diagnostic d : e.getValue()) {
        String line = "  " + Text.escape(d.render());
        out.println(d.severity() == Severity.ERROR ? s.red(line) : d.severity() == Severity.WARNING ? s.yellow(line) : line);
      }
    }
    if (shown.size() < listed.size()) {
      out.println();
      out.println("... and " + (listed.size() - shown.size()) + " more (raise --max-errors to see them)");
    }
  }

  private static void stages(CheckReport r, PrintWriter out, Style s) {
    out.println(s.bold("Stages"));
    int width = r.stages().stream().mapToInt(x -> x.name().length()).max().orElse(0);
    int n = 0;
    for (CheckReport.StageRun run : r.stages()) {
      n++;
      String outcome;
      if (!run.ran()) {
        outcome = s.dim("skipped: " + run.skippedBecause());
      } else if (run.name().equals("conflicts")) {
        long conflicts = r.crossPartyConflicts().size();
        outcome = conflicts == 0 ? s.green("no conflicts") : count(conflicts, "conflict between parties", "conflicts between parties");
        long other = run.diagnostics().stream().filter(d -> !d.code().equals(CONFLICT)).count();
        if (other > 0) {
          outcome += ", " + tally(run.diagnostics().stream().filter(d -> !d.code().equals(CONFLICT)).toList());
        }
      } else if (run.diagnostics().isEmpty()) {
        outcome = s.green("ok");
      } else {
        outcome = tally(run.diagnostics());
        outcome = run.count(Severity.ERROR) > 0 ? s.red(outcome) : outcome;
      }
      out.printf("  %d %-" + width + "s  %s%n", n, run.name(), run.title() + ": " + outcome);
    }
  }

  private static void conflictMap(CheckReport r, PrintWriter out, Style s) {
    List<Conflict> conflicts = r.crossPartyConflicts();
    out.println(s.bold("Conflict map") + ": red lines of different parties that no proposal can satisfy together");
    if (conflicts.isEmpty()) {
      out.println("  none: for every set of red lines, some proposal satisfies them all");
      return;
    }
    Map<String, List<Conflict>> map = r.conflictMap();
    out.println(
        s.dim(
            count(conflicts.size(), "minimal set", "minimal sets")
                + " on "
                + count(map.size(), "term", "terms")
                + "; dropping any one red line of a set lets some proposal satisfy the rest"));
    for (Map.Entry<String, List<Conflict>> e : map.entrySet()) {
      Term term = r.terms().get(e.getKey());
      out.println();
      out.println(s.bold(e.getKey()) + (term == null ? "" : termLabel(term)));
      if (term != null && term.kind() != TermKind.NUMBER) {
        out.println(s.dim("  options: " + String.join(", ", term.options().keySet())));
      }
      for (Conflict c : e.getValue()) {
        int number = conflicts.indexOf(c) + 1;
        List<String> names = c.parties().stream().map(p -> partyName(r, p)).toList();
        String heading = "  #" + number + " " + String.join(" vs ", names);
        if (!c.terms().get(0).equals(e.getKey())) {
          out.println(heading + s.dim(": " + String.join(", ", c.ids()) + " (shown under " + c.terms().get(0) + ")"));
          continue;
        }
        out.println(heading + (c.terms().size() > 1 ? s.dim(", on " + String.join(" and ", c.terms())) : ""));
        for (ConstraintAnalysis a : c.redLines()) {
          Constraint k = a.constraint();
          out.println("     " + s.bold(k.id()) + "  " + Text.escape(partyName(r, k.party())) + ": " + Text.escape(k.title()) + s.dim("  " + k.at().render()));
          String indent = " ".repeat(7 + k.id().length());
          if (a.reads().size() > 1) {
            out.println(indent + s.red("broken when " + k.condition()));
            continue;
          }
          for (ConstraintAnalysis.Forbidden f : a.forbids()) {
            String on = c.terms().size() > 1 ? f.term() + ": " : "";
            out.println(indent + s.red("forbids " + on + f.text()));
          }
        }
      }
    }
    out.println();
    out.println(s.bold("Parties in conflict") + s.dim(" (how many of the sets above involve both)"));
    List<String> codes = new ArrayList<>(r.parties().keySet());
    for (int i = 0; i < codes.size(); i++) {
      for (int j = i + 1; j < codes.size(); j++) {
        String a = codes.get(i);
        String b = codes.get(j);
        List<Conflict> both = conflicts.stream().filter(c -> c.parties().contains(a) && c.parties().contains(b)).toList();
        if (both.isEmpty()) {
          continue;
        }
        List<String> terms = new ArrayList<>();
        for (String t : r.terms().keySet()) {
          if (both.stream().anyMatch(c -> c.terms().contains(t))) {
            terms.add(t);
          }
        }
        out.println("  " + a + " and " + b + ": " + count(both.size(), "set", "sets") + " on " + String.join(", ", terms));
      }
    }
  }

  private static String termLabel(Term t) {
    String id = t.id().isEmpty() ? "" : " (" + t.id() + ")";
    return id + (t.description().isEmpty() ? "" : ": " + t.description());
  }

  private static String partyName(CheckReport r, String code) {
    Party p = r.parties().get(code);
    return p == null ? code : p.name() + " (" + code + ")";
  }

  private static String result(CheckReport r, Style s) {
    String tally = count(r.count(Severity.ERROR), "error", "errors") + ", " + count(r.count(Severity.WARNING), "warning", "warnings");
    long notes = r.diagnostics().stream().filter(d -> d.severity() == Severity.NOTE && !d.code().equals(CONFLICT)).count();
    if (notes > 0) {
      tally += ", " + count(notes, "note", "notes");
    }
    if (r.hasErrors()) {
      return s.red("Result: " + tally + "; the rules must be fixed");
    }
    String conflicts = r.crossPartyConflicts().isEmpty() ? "" : "; " + count(r.crossPartyConflicts().size(), "conflict", "conflicts") + " between parties (information)";
    return s.green("Result: " + tally) + conflicts;
  }

  private static String tally(List<Diagnostic> ds) {
    List<String> parts = new ArrayList<>();
    for (Severity sev : Severity.values()) {
      long n = ds.stream().filter(d -> d.severity() == sev).count();
      if (n > 0) {
        parts.add(count(n, sev.word(), sev.word() + "s"));
      }
    }
    return String.join(", ", parts);
  }

  private static String count(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** The JSON twin of the text report. */
  public static ObjectNode json(CheckReport r) {
    ObjectNode root = Json.object();
    root.put("folder", r.folder());
    root.put("ok", !r.hasErrors());
    ObjectNode summary = root.putObject("summary");
    summary.put("errors", r.count(Severity.ERROR));
    summary.put("warnings", r.count(Severity.WARNING));
    summary.put("notes", r.count(Severity.NOTE));
    summary.put("constraints", r.constraints().size());
    summary.put("conflicts", r.crossPartyConflicts().size());
    summary.put("partyContradictions", r.partyContradictions().size());
    root.set("positions", Json.positions(r.positions()));
    root.set("datesChecked", Json.strings(r.datesChecked().stream().map(Object::toString).toList()));
    root.set("files", Json.strings(r.files()));
    ArrayNode stages = root.putArray("stages");
    for (CheckReport.StageRun run : r.stages()) {
      ObjectNode o = stages.addObject();
      o.put("name", run.name());
      o.put("title", run.title());
      o.put("ran", run.ran());
      if (!run.ran()) {
        o.put("skippedBecause", run.skippedBecause());
      }
      o.put("errors", run.count(Severity.ERROR));
      o.put("warnings", run.count(Severity.WARNING));
      o.put("notes", run.count(Severity.NOTE));
    }
    root.set("diagnostics", Json.diagnostics(r.diagnostics()));
    ArrayNode constraints = root.putArray("constraints");
    for (ConstraintAnalysis a : r.constraints()) {
      ObjectNode o = constraints.addObject();
      redLine(o, a);
      o.put("kind", a.constraint().kind().word());
      o.set("reads", Json.strings(a.reads()));
      o.put("combinations", a.combinations());
      o.put("brokenCombinations", a.brokenCombinations());
      o.put("canBreak", a.canBreak());
      o.put("canSatisfy", a.canSatisfy());
    }
    List<Conflict> cross = r.crossPartyConflicts();
    ArrayNode conflicts = root.putArray("conflicts");
    for (int i = 0; i < cross.size(); i++) {
      conflicts.add(conflict(cross.get(i), i + 1));
    }
    ArrayNode contradictions = root.putArray("partyContradictions");
    List<Conflict> own = r.partyContradictions();
    for (int i = 0; i < own.size(); i++) {
      contradictions.add(conflict(own.get(i), i + 1));
    }
    ObjectNode map = root.putObject("conflictMap");
    r.conflictMap().forEach((term, list) -> {
      ArrayNode a = map.putArray(term);
      list.forEach(c -> a.add(cross.indexOf(c) + 1));
    });
    return root;
  }

  private static ObjectNode conflict(Conflict c, int number) {
    ObjectNode o = Json.object();
    o.put("number", number);
    o.set("parties", Json.strings(c.parties()));
    o.set("terms", Json.strings(c.terms()));
    ArrayNode lines = o.putArray("redLines");
    c.redLines().forEach(a -> redLine(lines.addObject(), a));
    return o;
  }

  private static void redLine(ObjectNode o, ConstraintAnalysis a) {
    Constraint k = a.constraint();
    o.put("id", k.id());
    o.put("party", k.party());
    o.put("title", k.title());
    o.put("file", k.at().file());
    o.put("line", k.at().line());
    ObjectNode forbids = o.putObject("forbids");
    for (ConstraintAnalysis.Forbidden f : a.forbids()) {
      ObjectNode t = forbids.putObject(f.term());
      t.set("values", Json.strings(f.values()));
      t.put("partial", f.partial());
    }
  }
}
