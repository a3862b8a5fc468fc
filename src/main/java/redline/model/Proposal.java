package redline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate settlement: its identity and provenance, and the terms it sets. A term it does not
 * set is open (undetermined). Immutable.
 *
 * @param file the file it was read from, as given by the user (empty when built in code)
 */
public record Proposal(
    String id,
    String title,
    List<String> sources,
    String asOf,
    Map<String, TermValue> terms,
    String file) {

  public Proposal {
    sources = List.copyOf(sources);
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    title = title == null ? "" : title;
    asOf = asOf == null ? "" : asOf;
    file = file == null ? "" : file;
  }

  /** A proposal built in code, with only an id and its terms. */
  public static Proposal of(String id, Map<String, TermValue> terms) {
    return new Proposal(id, "", List.of(), "", terms, "");
  }

  /** The value of {@code term}, or empty when the proposal leaves it open. */
  public Optional<TermValue> value(String term) {
    return Optional.ofNullable(terms.get(term));
  }

  /** A copy with {@code term} set to {@code value} (or left open when value is null). */
  public Proposal with(String term, TermValue value) {
    Map<String, TermValue> copy = new LinkedHashMap<>(terms);
    if (value == null) {
      copy.remove(term);
    } else {
      copy.put(term, value);
    }
    return new Proposal(id, title, sources, asOf, copy, file);
  }
}
