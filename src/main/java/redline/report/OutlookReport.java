package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redline.check.Regions;
import redline.engine.Outlook;
import redline.model.Kind;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.TermValue;
import redline.model.Verdict;
import redline.model.Vocabulary;

/**
 * "What the open terms could do", for each UNDETERMINED party: which values of its open terms
 * would make it reject, which would leave it objecting, and the best and worst verdict still
 * possible, in short conditions ("rejects if `sequencing` = WITHDRAWAL_THEN_CEASEFIRE").
 */
public final class OutlookReport {
  private OutlookReport() {}

  /** The lines for one party's outlook, without indentation. */
  public static List<String> lines(Outlook o, Vocabulary vocabulary, Map<String, List<TermValue>> domains) {
    List<String> out = new ArrayList<>();
    if (o.best() != null) {
      out.add(
          o.best() == o.worst()
              ? "every value the open terms can take gives " + o.best()
              : "still possible: from " + o.worst() + " (worst) to " + o.best() + " (best)");
    } else {
      out.add("the open terms can take too many values together to give the best and worst verdicts");
    }
    for (Outlook.Decider d : o.deciders()) {
      String verb = d.constraint().kind() == Kind.RED_LINE ? "rejects" : "objects";
      String when = condition(d, vocabulary, domains);
      out.add(verb + " if " + when + " (" + d.constraint().id() + " " + d.constraint().title() + ")");
    }
    if (!o.deciders().isEmpty() && o.best() != null && o.best() != Verdict.REJECTS) {
      out.add(o.best() == Verdict.ACCEPTS ? "accepts otherwise" : o.best() == Verdict.OBJECTS ? "otherwise objects at most" : "");
    }
    out.removeIf(String::isEmpty);
    return out;
  }

  /** The values of the open terms that break the constraint, in words. */
  static String condition(Outlook.Decider d, Vocabulary vocabulary, Map<String, List<TermValue>> domains) {
    if (d.breaking().isEmpty()) {
      return "no value of " + terms(d.open()) + " it reads could be given (too many to try)";
    }
    if (d.open().size() == 1) {
      String name = d.open().get(0);
      Term term = vocabulary.terms().get(name);
      List<TermValue> domain = domains.get(name);
      if (term.kind() == TermKind.NUMBER) {
        // the ranges of the ceiling; flags are shown only when they decide
        TreeMap<Integer, Boolean> byPoint = new TreeMap<>();
        boolean flagsMatter = false;
        for (TermValue v : domain) {
          int point = ((TermValue.Number) v).value();
          boolean b = d.breaking().stream().anyMatch(m -> m.get(name).equals(v));
          Boolean before = byPoint.putIfAbsent(point, b);
          if (before != null && before != b) {
            flagsMatter = true;
            byPoint.put(point, true);
          }
        }
        List<TermValue> points = new ArrayList<>();
        boolean[] chosen = new boolean[byPoint.size()];
        int i = 0;
        for (Map.Entry<Integer, Boolean> e : byPoint.entrySet()) {
          points.add(new TermValue.Number(e.getKey(), Map.of()));
          chosen[i++] = e.getValue();
        }
        return "`" + name + "` is " + grouped(String.join(" or ", Regions.describe(term, points, chosen)))
            + (flagsMatter ? " (depending on its flags)" : "");
      }
      boolean[] chosen = new boolean[domain.size()];
      for (int i = 0; i < domain.size(); i++) {
        TermValue v = domain.get(i);
        chosen[i] = d.breaking().stream().anyMatch(m -> m.get(name).equals(v));
      }
      List<String> words = Regions.describe(term, domain, chosen);
      if (term.kind() == TermKind.ONE) {
        return "`" + name + "` = " + String.join(" or ", words);
      }
      return "`" + name + "` " + String.join(", or ", words.stream().map(OutlookReport::holds).toList());
    }
    List<String> combos = new ArrayList<>();
    for (Map<String, TermValue> m : d.breaking()) {
      List<String> parts = new ArrayList<>();
      m.forEach((t, v) -> parts.add("`" + t + "` = " + v.render()));
      combos.add(String.join(" and ", parts));
      if (combos.size() == 3 && d.breaking().size() > 3) {
        combos.add((d.breaking().size() - 3) + " more combinations");
        break;
      }
    }
    return String.join("; or ", combos);
  }

  /** "sets with A but without B" as "holds A but not B", "sets with neither A nor B" as "holds neither A nor B". */
  private static String holds(String region) {
    if (!region.startsWith("sets ")) {
      return "is " + region; // "any set", or a count of sets
    }
    String r = region.substring("sets ".length());
    if (r.startsWith("without ")) {
      return "lacks " + r.substring("without ".length());
    }
    if (r.startsWith("with neither ") || r.startsWith("with none of ")) {
      return "holds " + r.substring("with ".length());
    }
    return "holds " + r.substring("with ".length()).replace(" but without ", " but not ").replace(" but with neither ", " but neither ");
  }

  /** The numbers of a range in words written with thousands separators: "600,001 to 799,999". */
  private static String grouped(String ranges) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\d{4,}").matcher(ranges);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(m.group())));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String terms(List<String> names) {
    return String.join(", ", names.stream().map(n -> "`" + n + "`").toList());
  }

  /** The lines of every outlook, by party code, in order: what the text report shows per party. */
  public static Map<String, List<String>> byParty(List<Outlook> outlooks, Vocabulary vocabulary, Map<String, List<TermValue>> domains) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    for (Outlook o : outlooks) {
      out.put(o.party().code(), lines(o, vocabulary, domains));
    }
    return out;
  }

  /** Prints the section for every outlook; nothing when there is none. */
  public static void text(List<Outlook> outlooks, Vocabulary vocabulary, Map<String, List<TermValue>> domains, PrintWriter out, Style s) {
    if (outlooks.isEmpty()) {
      return;
    }
    out.println();
    out.println(s.bold("What the open terms could do"));
    for (Outlook o : outlooks) {
      List<String> lines = lines(o, vocabulary, domains);
      out.println("  " + o.party().code() + ": " + lines.get(0));
      for (String line : lines.subList(1, lines.size())) {
        out.println("      " + line);
      }
    }
  }

  /**
   * One evaluation as {@code evaluate --format json} gives it: {@link EvaluationReport#json} and,
   * under {@code outlook}, what the open terms could do for each undetermined party.
   */
  public static ObjectNode evaluationJson(
      redline.model.Evaluation e, List<Outlook> outlooks, Vocabulary vocabulary, Map<String, List<TermValue>> domains) {
    ObjectNode one = EvaluationReport.json(e);
    one.set("outlook", json(outlooks, vocabulary, domains));
    return one;
  }

  /** The JSON twin: per undetermined party, best, worst and each deciding constraint's breaking values. */
  public static ArrayNode json(List<Outlook> outlooks, Vocabulary vocabulary, Map<String, List<TermValue>> domains) {
    ArrayNode list = Json.array();
    for (Outlook o : outlooks) {
      ObjectNode node = list.addObject();
      node.put("party", o.party().code());
      if (o.best() == null) {
        node.putNull("best");
        node.putNull("worst");
      } else {
        node.put("best", o.best().name());
        node.put("worst", o.worst().name());
      }
      ArrayNode deciders = node.putArray("deciders");
      for (Outlook.Decider d : o.deciders()) {
        ObjectNode dn = deciders.addObject();
        dn.put("constraint", d.constraint().id());
        dn.put("title", d.constraint().title());
        dn.put("kind", d.constraint().kind().word());
        dn.set("open", Json.strings(d.open()));
        dn.put("breaksIf", condition(d, vocabulary, domains));
        ArrayNode breaking = dn.putArray("breaking");
        for (Map<String, TermValue> m : d.breaking()) {
          ObjectNode values = breaking.addObject();
          m.forEach((t, v) -> Json.putValue(values, t, v));
        }
      }
      node.set("lines", Json.strings(lines(o, vocabulary, domains)));
    }
    return list;
  }
}
