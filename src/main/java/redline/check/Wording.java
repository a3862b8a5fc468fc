package redline.check;

import java.util.List;
import java.util.stream.Collectors;

/** Small helpers for the wording of the checker's messages. */
final class Wording {
  private Wording() {}

  /** {@code `a`}, {@code `a` and `b`}, {@code `a`, `b` and `c`}. */
  static String quoted(List<String> words) {
    return and(words.stream().map(w -> "`" + w + "`").toList());
  }

  /** {@code term `a`} or {@code terms `a` and `b`}. */
  static String terms(List<String> terms) {
    return (terms.size() == 1 ? "term " : "terms ") + quoted(terms);
  }

  /** Joins with commas and a final "and". */
  static String and(List<String> parts) {
    if (parts.size() <= 1) {
      return String.join("", parts);
    }
    return parts.subList(0, parts.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + parts.get(parts.size() - 1);
  }

  /**
   * What each red line of a conflict forbids, e.g. {@code `RU-01` forbids OPEN; `UA-01` forbids
   * RENOUNCED}; a red line reading several terms is quoted by its condition.
   */
  static String forbids(Conflict c) {
    StringBuilder sb = new StringBuilder();
    for (ConstraintAnalysis a : c.redLines()) {
      sb.append(sb.length() == 0 ? "" : "; ").append('`').append(a.id()).append('`');
      if (a.reads().size() > 1) {
        sb.append(" is broken when `").append(a.constraint().condition()).append('`');
        continue;
      }
      ConstraintAnalysis.Forbidden f = a.forbids().get(0);
      sb.append(" forbids ").append(c.terms().size() > 1 ? "`" + f.term() + "` " : "").append(f.text());
    }
    return sb.toString();
  }
}
