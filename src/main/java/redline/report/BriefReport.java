package redline.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Verdict;

/**
 * The one-page briefing of {@code redline brief}: a traffic-light table of drafts and parties,
 * per draft the constraints that decided each verdict, the date of the positions used and the
 * sources cited with their titles and links. HTML through a jte template (every value escaped by
 * the template engine), or Markdown.
 */
public final class BriefReport {
  private BriefReport() {}

  /** Everything the page shows, built once for both formats. */
  public record Page(String title, String positionsAsOf, List<PartyView> parties, List<DraftView> drafts, List<SourceView> sources) {
    public Page {
      parties = List.copyOf(parties);
      drafts = List.copyOf(drafts);
      sources = List.copyOf(sources);
    }
  }

  /** A party: code, name and the date of its latest position used. */
  public record PartyView(String code, String name, String asOf) {}

  /** One draft: its identity, one cell per party and the reasons per party. */
  public record DraftView(String id, String title, String file, String asOf, List<String> sources, List<CellView> cells, List<ReasonView> reasons, List<String> open, String errors, String nearest, List<String> changes) {
    public DraftView {
      changes = List.copyOf(changes);
      sources = List.copyOf(sources);
      cells = java.util.Collections.unmodifiableList(new ArrayList<>(cells));
      reasons = List.copyOf(reasons);
      open = List.copyOf(open);
    }
  }

  /** A table cell: the verdict and its traffic-light class ({@code red}, {@code amber}, {@code green}, {@code grey}). */
  public record CellView(String party, String verdict, String light) {}

  /** Why one party has its verdict on one draft. */
  /**
   * Why one party has its verdict on one draft: the decisive constraints and, for an
   * undetermined party, what the open terms could do (empty otherwise).
   */
  public record ReasonView(String party, String name, String verdict, String light, List<ItemView> items, List<String> outlook) {
    public ReasonView {
      items = List.copyOf(items);
      outlook = List.copyOf(outlook);
    }
  }

  /** One decisive constraint. */
  public record ItemView(String id, String title, String kind, String status, String terms, List<String> sources) {
    public ItemView {
      sources = List.copyOf(sources);
    }
  }

  /** One source cited: its catalogue id, title and link (empty when the catalogue has none). */
  public record SourceView(String id, String title, String url) {}

  /** Builds the page of {@code evaluations} without nearest versions. */
  public static Page page(List<Evaluation> evaluations, List<Constraint> constraints, Map<String, String> catalogue, Map<String, String> links) {
    return page(evaluations, java.util.Collections.nCopies(evaluations.size(), null), constraints, catalogue, links);
  }

  /**
   * Builds the page of {@code evaluations}; {@code nearest} holds, per evaluation, the search for
   * the nearest version no party rejects (or null); {@code catalogue} maps source ids to titles,
   * {@code links} to URLs.
   */
  public static Page page(List<Evaluation> evaluations, List<redline.explore.Suggestions> nearest, List<Constraint> constraints, Map<String, String> catalogue, Map<String, String> links) {
    return page(evaluations, nearest, java.util.Collections.nCopies(evaluations.size(), Map.of()), constraints, catalogue, links);
  }

  /**
   * As above, with, per evaluation, the lines that say what the open terms could do for each
   * undetermined party, by party code ({@link OutlookReport#byParty}).
   */
  public static Page page(
      List<Evaluation> evaluations,
      List<redline.explore.Suggestions> nearest,
      List<Map<String, List<String>>> outlooks,
      List<Constraint> constraints,
      Map<String, String> catalogue,
      Map<String, String> links) {
    Map<String, Party> parties = new LinkedHashMap<>();
    evaluations.forEach(e -> e.parties().forEach(r -> parties.putIfAbsent(r.party().code(), r.party())));
    Map<String, LocalDate> latest = new LinkedHashMap<>();
    for (Constraint c : constraints) {
      latest.merge(c.party(), c.asOf(), (a, b) -> a.isAfter(b) ? a : b);
    }
    List<PartyView> pv = new ArrayList<>();
    parties.values().forEach(p -> pv.add(new PartyView(p.code(), p.name(), latest.containsKey(p.code()) ? latest.get(p.code()).toString() : "")));
    String asOf = latest.values().stream().max(LocalDate::compareTo).map(LocalDate::toString).orElse("");
    TreeSet<String> cited = new TreeSet<>(BriefReport::bySourceId);
    List<DraftView> drafts = new ArrayList<>();
    for (int index = 0; index < evaluations.size(); index++) {
      Evaluation e = evaluations.get(index);
      Proposal p = e.proposal();
      cited.addAll(p.sources());
      List<CellView> cells = new ArrayList<>();
      List<ReasonView> reasons = new ArrayList<>();
      for (String code : parties.keySet()) {
        PartyResult r = e.party(code).orElse(null);
        if (r == null || !e.errors().isEmpty()) {
          cells.add(new CellView(code, "no verdict", "grey"));
          continue;
        }
        cells.add(new CellView(code, r.verdict().name(), light(r.verdict())));
        List<ItemView> items = new ArrayList<>();
        List<String> outlook = outlooks.get(index).getOrDefault(code, List.of());
        for (ConstraintResult c : EvaluationReport.decisive(r)) {
          if (!outlook.isEmpty() && c.status() != redline.model.Status.BROKEN) {
            continue; // the open constraints are said by what the open terms could do
          }
          Constraint k = c.constraint();
          cited.addAll(k.sources());
          List<String> terms = new ArrayList<>();
          c.terms().forEach((t, v) -> terms.add(t + " = " + v));
          items.add(new ItemView(k.id(), k.title(), k.kind().word().replace('-', ' '), c.status().name(), String.join(", ", terms), k.sources()));
        }
        reasons.add(new ReasonView(code, r.party().name(), r.verdict().name(), light(r.verdict()), items, outlook));
      }
      String errors = e.errors().isEmpty() ? "" : String.join("; ", e.errors().stream().map(d -> d.message()).toList());
      redline.explore.Suggestions x = nearest.get(index);
      List<String> changes = new ArrayList<>();
      drafts.add(new DraftView(p.id(), p.title(), p.file(), p.asOf(), p.sources(), cells, reasons, EvaluationReport.openTerms(e), errors,
          nearest(x, changes), changes));
    }
    List<SourceView> sources = new ArrayList<>();
    for (String id : cited) {
      sources.add(new SourceView(id, catalogue.getOrDefault(id, ""), safeUrl(links.getOrDefault(id, ""))));
    }
    String title = evaluations.size() == 1
        ? "Briefing: " + evaluations.get(0).proposal().id()
        : "Briefing: " + evaluations.size() + " drafts";
    return new Page(title, asOf, pv, drafts, sources);
  }

  /** One sentence on the nearest version no party rejects; its changes go to {@code changes}. */
  static String nearest(redline.explore.Suggestions x, List<String> changes) {
    if (x == null) {
      return "";
    }
    if (x.suggestions().isEmpty()) {
      if (!x.blocked().isEmpty()) {
        return "No version of this draft is free of every party's red lines: they cannot all hold on "
            + String.join(", ", x.blocked()) + ".";
      }
      return x.partial() ? "" : "No version within " + x.maxChanges() + " changes is rejected by no party.";
    }
    redline.explore.Suggestions.Suggestion g = x.suggestions().get(0);
    for (redline.explore.Suggestions.Change c : g.changes()) {
      changes.add(c.term() + ": " + (c.settles() ? "(open)" : c.from().render()) + " -> " + x.ranges().render(c.term(), c.to()));
    }
    if (g.size() == 0) {
      return "No party rejects this draft" + (changes.isEmpty() ? "." : " once its open terms are settled so:");
    }
    return "Nearest version that no party rejects (" + g.size() + (g.size() == 1 ? " change" : " changes") + "; then "
        + EvaluationReport.summary(g.after(), Style.PLAIN) + "):";
  }

  /** Catalogue ids in number order (S2 before S10), seed file names after them. */
  static int bySourceId(String a, String b) {
    boolean na = a.matches("S\\d+");
    boolean nb = b.matches("S\\d+");
    if (na && nb) {
      return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
    }
    return na ? -1 : nb ? 1 : a.compareTo(b);
  }

  /** Only http and https links reach the page; anything else (javascript:, data:) is dropped. */
  static String safeUrl(String url) {
    String u = url.trim();
    return u.startsWith("https://") || u.startsWith("http://") ? u : "";
  }

  static String light(Verdict v) {
    return switch (v) {
      case REJECTS -> "red";
      case OBJECTS, UNDETERMINED -> "amber";
      case ACCEPTS -> "green";
    };
  }

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(null, ContentType.Html, BriefReport.class.getClassLoader(), "redline.report.jte");

  /** The page as one self-contained HTML document (inline style, no scripts, no external requests). */
  public static String html(Page page) {
    StringOutput out = new StringOutput();
    ENGINE.render("brief.jte", page, out);
    return out.toString();
  }

  /** The page as Markdown, every value from a file escaped. */
  public static void markdown(Page page, PrintWriter out) {
    out.println("# " + TableReport.md(page.title()));
    out.println();
    out.println("Positions as of " + page.positionsAsOf() + " (latest per party: "
        + String.join(", ", page.parties().stream().map(p -> p.code() + " " + p.asOf()).toList()) + ").");
    out.println();
    StringBuilder head = new StringBuilder("| draft |");
    StringBuilder rule = new StringBuilder("|---|");
    page.parties().forEach(p -> {
      head.append(' ').append(TableReport.md(p.code())).append(" |");
      rule.append("---|");
    });
    out.println(head);
    out.println(rule);
    for (DraftView d : page.drafts()) {
      StringBuilder sb = new StringBuilder("| " + TableReport.md(d.id()) + " |");
      d.cells().forEach(c -> sb.append(' ').append(mark(c.light())).append(' ').append(c.verdict()).append(" |"));
      out.println(sb);
    }
    for (DraftView d : page.drafts()) {
      out.println();
      out.println("## " + TableReport.md(d.id()) + (d.title().isEmpty() ? "" : ": " + TableReport.md(d.title())));
      out.println();
      List<String> facts = new ArrayList<>();
      if (!d.file().isEmpty()) {
        facts.add("file " + TableReport.md(d.file()));
      }
      if (!d.asOf().isEmpty()) {
        facts.add("as of " + TableReport.md(d.asOf()));
      }
      if (!d.sources().isEmpty()) {
        facts.add("sources " + TableReport.md(String.join(", ", d.sources())));
      }
      if (!facts.isEmpty()) {
        out.println(String.join("; ", facts));
        out.println();
      }
      if (!d.errors().isEmpty()) {
        out.println("The rules failed on this draft: " + TableReport.md(d.errors()));
        out.println();
      }
      for (ReasonView r : d.reasons()) {
        out.println("- **" + TableReport.md(r.name()) + " (" + TableReport.md(r.party()) + "): " + r.verdict() + "**"
            + (r.items().isEmpty() ? (r.verdict().equals("ACCEPTS") ? ": every red line and objection is satisfied" : "") : ""));
        for (ItemView i : r.items()) {
          out.println("  - " + TableReport.md(i.id()) + " " + TableReport.md(i.title()) + " (" + i.kind() + " " + i.status().toLowerCase(java.util.Locale.ROOT)
              + "): " + TableReport.md(i.terms()) + " [" + TableReport.md(String.join(", ", i.sources())) + "]");
        }
        for (String line : r.outlook()) {
          out.println("  - " + TableReport.md(line));
        }
      }
      if (!d.open().isEmpty()) {
        out.println();
        out.println("Open terms: " + TableReport.md(String.join(", ", d.open())));
      }
      if (!d.nearest().isEmpty()) {
        out.println();
        out.println(TableReport.md(d.nearest()));
        d.changes().forEach(c -> out.println("- " + TableReport.md(c)));
      }
    }
    out.println();
    out.println("## Sources");
    out.println();
    for (SourceView s : page.sources()) {
      out.println("- " + TableReport.md(s.id()) + ": " + TableReport.md(s.title().isEmpty() ? "(not in the catalogue)" : s.title())
          + (s.url().isEmpty() ? "" : " <" + s.url().replace(">", "%3E").replace(" ", "%20") + ">"));
    }
    out.flush();
  }

  private static String mark(String light) {
    return switch (light) {
      case "red" -> "🔴";
      case "amber" -> "🟡";
      case "green" -> "🟢";
      default -> "⚪";
    };
  }
}
