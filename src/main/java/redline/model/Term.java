package redline.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One negotiating term of the vocabulary, e.g. {@code nato_accession}, with its options (for
 * {@code one} and {@code set} terms) or its unit, flags and reference values (for {@code number}
 * terms). Immutable.
 */
public record Term(
    String name,
    String id,
    TermKind kind,
    String description,
    List<String> sources,
    Map<String, String> options,
    String unit,
    String noneText,
    Map<String, String> flags,
    List<Integer> values,
    Location at) implements java.io.Serializable {

  public Term {
    sources = List.copyOf(sources);
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    flags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    values = List.copyOf(values);
    unit = unit == null ? "" : unit;
    noneText = noneText == null ? "" : noneText;
  }

  /** True when {@code option} is one of this term's options. */
  public boolean hasOption(String option) {
    return options.containsKey(option);
  }

  /** True when a number term may be set to {@code NONE}. */
  public boolean allowsNone() {
    return kind == TermKind.NUMBER && !noneText.isEmpty();
  }

  /** The name of the fact field that carries a number term's flag. */
  public String flagField(String flag) {
    return name + "_" + flag;
  }
}
