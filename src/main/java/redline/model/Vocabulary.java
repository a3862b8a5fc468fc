package redline.model;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The parties and the negotiating terms, as defined in {@code rules/vocabulary.yaml}. Immutable. */
public record Vocabulary(Map<String, Party> parties, Map<String, Term> terms) implements java.io.Serializable {

  public Vocabulary {
    parties = Collections.unmodifiableMap(new LinkedHashMap<>(parties));
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  /** The term called {@code name}, if any. */
  public Optional<Term> term(String name) {
    return Optional.ofNullable(terms.get(name));
  }

  /**
   * The term a fact field belongs to: the term itself, or for a flag field such as {@code
   * army_cap_peacetime}, its number term.
   */
  public Optional<Term> termOfField(String field) {
    Term t = terms.get(field);
    if (t != null) {
      return Optional.of(t);
    }
    for (Term term : terms.values()) {
      for (String flag : term.flags().keySet()) {
        if (term.flagField(flag).equals(field)) {
          return Optional.of(term);
        }
      }
    }
    return Optional.empty();
  }

  /** A hint such as {@code did you mean `nato_accession`?}, or empty when nothing is close. */
  public static String didYouMean(String input, Collection<String> candidates) {
    return Suggest.closest(input, candidates).map(s -> "did you mean `" + s + "`?").orElse("");
  }
}
