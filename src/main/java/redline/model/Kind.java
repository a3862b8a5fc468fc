package redline.model;

import java.util.Arrays;
import java.util.Optional;

/** What breaking a constraint means for its party. */
public enum Kind {
  /** The party will not accept a proposal that breaks it. */
  RED_LINE("red-line"),
  /** The party opposes it, short of a red line. */
  OBJECTION("objection"),
  /** The party prefers otherwise; carries a weight in the preference score. */
  PREFERENCE("preference");

  private final String word;

  Kind(String word) {
    this.word = word;
  }

  /** The word used in rule metadata and reports, e.g. {@code red-line}. */
  public String word() {
    return word;
  }

  /** The kind written as {@code word} in a rule's metadata. */
  public static Optional<Kind> of(String word) {
    return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
  }
}
