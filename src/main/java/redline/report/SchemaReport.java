package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import redline.load.ProposalReader;
import redline.model.Limit;
import redline.model.Term;
import redline.model.Vocabulary;

/**
 * The JSON Schema (draft 2020-12) of a proposal file, generated from the vocabulary, so that an
 * editor can complete and validate proposals. The same shape also admits a case's {@code
 * expect} block, which {@code redline test} checks in full.
 */
public final class SchemaReport {
  private SchemaReport() {}

  /** The schema for proposals written in {@code vocabulary}'s terms. */
  public static ObjectNode schema(Vocabulary vocabulary) {
    ObjectNode s = Json.object();
    s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    s.put("$id", "https://redline.example/proposal.schema.json");
    s.put("title", "Redline proposal");
    s.put("description", "A candidate settlement: the terms it sets; a term left out is undetermined.");
    s.put("type", "object");
    s.putArray("required").add("terms");
    s.put("additionalProperties", false);
    ObjectNode props = s.putObject("properties");
    // the fields and their descriptions are the reader's own list, so schema and reader agree
    ProposalReader.FIELD_DESCRIPTIONS.forEach((field, description) -> {
      if (field.equals("terms")) {
        return;
      }
      ObjectNode f = props.putObject(field);
      switch (field) {
        case "sources" -> {
          ArrayNode one = f.putArray("oneOf");
          one.addObject().put("type", "string");
          one.addObject().put("type", "array").putObject("items").put("type", "string");
          one.addObject().put("type", "null");
        }
        case "asOf" -> f.put("type", "string").put("format", "date").put("pattern", "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$");
        case "extends" -> f.putArray("type").add("string").add("null");
        case "expect" -> f.put("type", "object");
        default -> f.put("type", "string");
      }
      f.put("description", description);
    });
    ObjectNode terms = props.putObject("terms");
    terms.put("type", "object");
    terms.put("additionalProperties", false);
    terms.put("description", ProposalReader.FIELD_DESCRIPTIONS.get("terms"));
    ObjectNode tp = terms.putObject("properties");
    for (Term t : vocabulary.terms().values()) {
      tp.set(t.name(), term(t));
    }
    return s;
  }

  private static ObjectNode term(Term t) {
    ObjectNode o = Json.object();
    String prefix = t.id().isEmpty() ? "" : t.id() + ": ";
    switch (t.kind()) {
      case ONE -> {
        o.put("description", prefix + t.description() + optionsText(t));
        ArrayNode any = o.putArray("enum");
        t.options().keySet().forEach(any::add);
        any.addNull();
      }
      case SET -> {
        o.put("description", prefix + t.description() + " (a set of options)" + optionsText(t));
        o.putArray("type").add("array").add("null");
        o.put("uniqueItems", true);
        ArrayNode items = o.putObject("items").putArray("enum");
        t.options().keySet().forEach(items::add);
      }
      case NUMBER -> {
        o.put("description", prefix + t.description() + (t.unit().isEmpty() ? "" : ", in " + t.unit()) + (t.allowsNone() ? "; \"NONE\": " + t.noneText() : ""));
        ArrayNode one = o.putArray("oneOf");
        one.addObject().put("type", "integer").put("minimum", 0).put("maximum", Limit.NONE - 1);
        if (t.allowsNone()) {
          one.addObject().put("const", "NONE");
        }
        one.addObject().put("type", "null");
        if (!t.flags().isEmpty()) {
          ObjectNode obj = one.addObject();
          obj.put("type", "object");
          obj.putArray("required").add("value");
          obj.put("additionalProperties", false);
          ObjectNode p = obj.putObject("properties");
          ArrayNode value = p.putObject("value").putArray("oneOf");
          value.addObject().put("type", "integer").put("minimum", 0).put("maximum", Limit.NONE - 1);
          if (t.allowsNone()) {
            value.addObject().put("const", "NONE");
          }
          t.flags().forEach((flag, d) -> p.putObject(flag).put("type", "boolean").put("description", d));
        }
      }
    }
    return o;
  }

  private static String optionsText(Term t) {
    StringBuilder sb = new StringBuilder(". Options:");
    t.options().forEach((k, v) -> sb.append(' ').append(k).append(" = ").append(v).append(';'));
    return sb.toString();
  }
}
