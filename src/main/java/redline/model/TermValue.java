package redline.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/** The value a proposal gives a term: one option, a set of options, or a number. */
public sealed interface TermValue permits TermValue.One, TermValue.Many, TermValue.Number {

  /** The value as a user writes it, e.g. {@code RENOUNCED}, {@code [A, B]}, {@code 600000}. */
  String render();

  /** One option of a {@code one} term. */
  record One(String option) implements TermValue {
    @Override
    public String render() {
      return option;
    }
  }

  /** A set of options of a {@code set} term, kept sorted. */
  record Many(SortedSet<String> options) implements TermValue {
    public Many {
      options = Collections.unmodifiableSortedSet(new TreeSet<>(options));
    }

    @Override
    public String render() {
      return "[" + String.join(", ", options) + "]";
    }
  }

  /** A number term's value ({@link Limit#NONE} for no ceiling) and its flags. */
  record Number(int value, Map<String, Boolean> flags) implements TermValue {
    public Number {
      flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    @Override
    public String render() {
      StringBuilder sb = new StringBuilder(Limit.render(value));
      flags.forEach((k, v) -> sb.append(v ? ", " + k : ", not " + k));
      return sb.toString();
    }
  }
}
