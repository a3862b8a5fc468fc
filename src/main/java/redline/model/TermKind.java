package redline.model;

/** The shape of a term's value in a proposal. */
public enum TermKind {
  /** Exactly one option. */
  ONE,
  /** A set of options, possibly empty. */
  SET,
  /** An integer, or {@code NONE} for no ceiling, with optional boolean flags. */
  NUMBER;

  /** The word used in vocabulary files and messages. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
