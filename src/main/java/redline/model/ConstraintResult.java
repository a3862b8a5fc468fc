package redline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one constraint for one proposal, with the terms that decided it: each term the
 * constraint reads and the proposal's value for it ({@code (open)} when the proposal leaves it
 * out).
 */
public record ConstraintResult(Constraint constraint, Status status, Map<String, String> terms) {

  /** The value shown for a term that a proposal leaves open. */
  public static final String OPEN = "(open)";

  public ConstraintResult {
    // a one-term map is already immutable and ordered; copying it per result would dominate batch runs
    terms = terms.size() <= 1 ? Map.copyOf(terms) : Collections.unmodifiableMap(new LinkedHashMap<>(terms));
  }

  /** A one-line explanation in plain words. */
  public String explanation() {
    StringBuilder sb = new StringBuilder();
    terms.forEach(
        (term, value) -> sb.append(sb.length() == 0 ? "" : ", ").append(term).append(" = ").append(value));
    return switch (status) {
      case BROKEN -> "broken by " + sb;
      case SATISFIED -> "satisfied by " + sb;
      case UNDETERMINED -> "undetermined: " + sb;
    };
  }
}
