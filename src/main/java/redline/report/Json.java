package redline.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import redline.model.Diagnostic;
import redline.model.Limit;
import redline.model.TermValue;

/** Shared JSON building blocks for the JSON twins of the text reports. */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private Json() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** An array of strings. */
  public static ArrayNode strings(Collection<String> values) {
    ArrayNode a = array();
    values.forEach(a::add);
    return a;
  }

  /** Pretty-printed JSON text ending in a newline. */
  public static String write(Object node) {
    try {
      return MAPPER.writer(PRETTY).writeValueAsString(node) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /**
   * A generator writing to {@code out} in the same layout as {@link #write}, for reports
   * streamed piece by piece ({@code evaluate} over many proposals).
   */
  public static com.fasterxml.jackson.core.JsonGenerator generator(java.io.Writer out) {
    try {
      com.fasterxml.jackson.core.JsonGenerator g = MAPPER.getFactory().createGenerator(out);
      g.setPrettyPrinter(new DefaultPrettyPrinter(PRETTY));
      g.setCodec(MAPPER);
      g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      return g;
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** One diagnostic: severity, code, file, line, column, pointer, message, hint. */
  public static ObjectNode diagnostic(Diagnostic d) {
    ObjectNode o = object();
    o.put("severity", d.severity().word());
    o.put("code", d.code());
    o.put("file", d.at().file());
    o.put("line", d.at().line());
    o.put("column", d.at().column());
    o.put("pointer", d.at().pointer());
    o.put("message", d.message());
    o.put("hint", d.hint());
    return o;
  }

  /** An array of diagnostics, sorted. */
  public static ArrayNode diagnostics(List<Diagnostic> ds) {
    ArrayNode a = array();
    Diagnostic.sorted(ds).forEach(d -> a.add(diagnostic(d)));
    return a;
  }

  /** A term's value as written in a proposal file. */
  public static void putValue(ObjectNode into, String name, TermValue v) {
    if (v instanceof TermValue.One one) {
      into.put(name, one.option());
    } else if (v instanceof TermValue.Many many) {
      into.set(name, strings(many.options()));
    } else if (v instanceof TermValue.Number n) {
      if (n.flags().isEmpty()) {
        if (n.value() == Limit.NONE) {
          into.put(name, "NONE");
        } else {
          into.put(name, n.value());
        }
      } else {
        ObjectNode o = into.putObject(name);
        if (n.value() == Limit.NONE) {
          o.put("value", "NONE");
        } else {
          o.put("value", n.value());
        }
        n.flags().forEach(o::put);
      }
    }
  }

  /** The positions an answer used: {@code {"asOf": "2026-02-17", "latest": true}} (asOf null when no stance is dated). */
  public static ObjectNode positions(redline.model.Positions p) {
    ObjectNode o = object();
    if (p.day() == null) {
      o.putNull("asOf");
    } else {
      o.put("asOf", p.day().toString());
    }
    o.put("latest", p.latest());
    return o;
  }

  /** Adds a constraint's {@code from}, {@code until} and {@code supersedes}, when it has them. */
  public static void putValidity(ObjectNode o, redline.model.Constraint k) {
    if (k.from() != null) {
      o.put("from", k.from().toString());
    }
    if (k.until() != null) {
      o.put("until", k.until().toString());
    }
    if (!k.supersedes().isEmpty()) {
      o.put("supersedes", k.supersedes());
    }
  }
}
