package redline.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import redline.model.Proposal;
import redline.model.Term;
import redline.model.Vocabulary;

/**
 * The files {@code redline new} writes: a skeleton naming every term of the vocabulary (each
 * open, its options listed in {@code notes}), a copy of a draft, or a draft that extends one.
 * Every file written is comment-free JSON that the reader and the schema accept.
 */
public final class DraftTemplate {
  private DraftTemplate() {}

  /** A skeleton: every term, open ({@code null}), and in {@code notes} the options of each. */
  public static ObjectNode skeleton(Vocabulary v, String id) {
    ObjectNode o = Json.object();
    o.put("$schema", "proposal.schema.json");
    o.put("id", id);
    o.put("title", "");
    o.putArray("sources");
    List<String> parts = new ArrayList<>();
    for (Term t : v.terms().values()) {
      parts.add(t.name() + ": " + choices(t));
    }
    o.put("notes", "Set each term to one of its options; null leaves it open. " + String.join("; ", parts));
    ObjectNode terms = o.putObject("terms");
    v.terms().keySet().forEach(terms::putNull);
    return o;
  }

  /** The values term {@code t} takes, in words. */
  static String choices(Term t) {
    return switch (t.kind()) {
      case ONE -> "one of " + String.join(", ", t.options().keySet());
      case SET -> "a list of " + String.join(", ", t.options().keySet());
      case NUMBER -> "a whole number" + (t.allowsNone() ? ", \"NONE\"" : "")
          + (t.flags().isEmpty() ? "" : " or {\"value\": n" + flags(t) + "}");
    };
  }

  private static String flags(Term t) {
    StringBuilder sb = new StringBuilder();
    t.flags().keySet().forEach(f -> sb.append(", \"").append(f).append("\": true"));
    return sb.toString();
  }

  /** A full copy of {@code p} (its terms as read, bases resolved), to edit. */
  public static ObjectNode copy(Proposal p, String id) {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("title", p.title());
    o.set("sources", Json.strings(p.sources()));
    if (!p.asOf().isEmpty()) {
      o.put("asOf", p.asOf());
    }
    o.put("notes", "copy of " + p.id());
    ObjectNode terms = o.putObject("terms");
    p.terms().forEach((t, v) -> Json.putValue(terms, t, v));
    return o;
  }

  /** A draft that builds on {@code base} (a path relative to the new file) and changes nothing yet. */
  public static ObjectNode extending(Proposal p, String base, String id) {
    ObjectNode o = Json.object();
    o.put("id", id);
    o.put("title", p.title().isEmpty() ? "" : p.title() + ", changed");
    o.put("extends", base);
    o.set("sources", Json.strings(p.sources()));
    o.put("notes", "variant of " + p.id() + ": set only the terms it changes; null opens a term");
    o.putObject("terms");
    return o;
  }
}
