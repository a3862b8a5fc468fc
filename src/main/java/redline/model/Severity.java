package redline.model;

/** How serious a diagnostic is; errors stop the command, warnings and notes do not. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  /** The word used in rendered diagnostics: {@code error}, {@code warning}, {@code note}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
