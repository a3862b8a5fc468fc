package redline.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** What breaking a constraint means for its party. */
public enum Kind {
  /** The party will not accept a proposal that breaks it. */
  RED_LINE("red-line"),
  /** The party opposes it, short of a red line. */
  OBJECTION("objection"),
  /** The party prefers otherwise; carries a weight in the preference score. */
  PREFERENCE("preference"),
  /**
   * Not a party's position: a combination of terms that cannot exist together (NATO Article 5
   * protection without NATO membership). Its rule fires when a proposal holds the combination;
   * such a proposal is refused, and the explorer never proposes one.
   */
  COHERENCE("coherence");

  private final String word;

  Kind(String word) {
    this.word = word;
  }

  /** The kinds of a party's constraints, in order of weight: every kind but {@link #COHERENCE}. */
  public static List<Kind> positions() {
    return List.of(RED_LINE, OBJECTION, PREFERENCE);
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
