package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redline.model.Party;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.Vocabulary;

/**
 * The vocabulary as JSON, for the workbench page that builds its controls from it: the parties,
 * every term with its kind, options (or unit, flags and reference values) and sources, and the
 * source catalogue.
 */
public final class VocabularyReport {
  private VocabularyReport() {}

  /**
   * The JSON of {@code vocabulary}; {@code withRules} are the codes of the parties that have
   * rules, {@code sources} the catalogue (id to citation).
   */
  public static ObjectNode json(Vocabulary vocabulary, Set<String> withRules, Map<String, String> sources) {
    ObjectNode o = Json.object();
    ArrayNode parties = o.putArray("parties");
    for (Party p : vocabulary.parties().values()) {
      ObjectNode po = parties.addObject();
      po.put("code", p.code());
      po.put("name", p.name());
      po.put("rules", withRules.contains(p.code()));
    }
    ArrayNode terms = o.putArray("terms");
    for (Term t : vocabulary.terms().values()) {
      terms.add(term(t));
    }
    ObjectNode catalogue = o.putObject("sources");
    sources.forEach(catalogue::put);
    return o;
  }

  private static ObjectNode term(Term t) {
    ObjectNode o = Json.object();
    o.put("name", t.name());
    o.put("id", t.id());
    o.put("kind", t.kind().word());
    o.put("description", t.description());
    o.set("sources", Json.strings(t.sources()));
    if (t.kind() == TermKind.NUMBER) {
      o.put("unit", t.unit());
      if (t.allowsNone()) {
        o.put("none", t.noneText());
      } else {
        o.putNull("none");
      }
      ArrayNode flags = o.putArray("flags");
      t.flags().forEach((name, text) -> flags.addObject().put("name", name).put("description", text));
      ArrayNode values = o.putArray("values");
      t.values().forEach(values::add);
    } else {
      ArrayNode options = o.putArray("options");
      t.options().forEach((name, text) -> options.addObject().put("name", name).put("description", text));
    }
    return o;
  }

  /** The codes of {@code parties}. */
  public static Set<String> codes(java.util.Collection<Party> parties) {
    return parties.stream().map(Party::code).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
