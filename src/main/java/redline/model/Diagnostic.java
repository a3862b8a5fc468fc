package redline.model;

import java.util.Comparator;
import java.util.List;

/**
 * One problem found in a user's input or in the rule files: a severity, a stable code (e.g.
 * {@code unknown-term}), where it is, a lowercase message, and an optional hint.
 */
public record Diagnostic(Severity severity, String code, Location at, String message, String hint) implements java.io.Serializable {

  /** Orders diagnostics by location, then severity, code and message, so output is stable. */
  public static final Comparator<Diagnostic> ORDER =
      Comparator.comparing(Diagnostic::at, Location.ORDER)
          .thenComparing(Diagnostic::severity)
          .thenComparing(Diagnostic::code)
          .thenComparing(Diagnostic::message);

  public Diagnostic {
    if (severity == null || code == null || at == null || message == null) {
      throw new IllegalArgumentException("diagnostic fields must not be null");
    }
    hint = hint == null ? "" : hint;
  }

  /** An error without a hint. */
  public static Diagnostic error(String code, Location at, String message) {
    return new Diagnostic(Severity.ERROR, code, at, message, "");
  }

  /** An error with a hint. */
  public static Diagnostic error(String code, Location at, String message, String hint) {
    return new Diagnostic(Severity.ERROR, code, at, message, hint);
  }

  /** A warning with an optional hint. */
  public static Diagnostic warning(String code, Location at, String message, String hint) {
    return new Diagnostic(Severity.WARNING, code, at, message, hint);
  }

  /** True when this is an error. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Renders as {@code file:line:col: error [code]: message (hint)} on one line. */
  public String render() {
    String where = at.render();
    return (where.isEmpty() ? "" : where + ": ")
        + severity.word()
        + " ["
        + code
        + "]: "
        + message
        + (hint.isEmpty() ? "" : " (" + hint + ")");
  }

  /** A sorted copy of the given diagnostics, each once (a base read by several drafts reports its problems once). */
  public static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
    return diagnostics.stream().distinct().sorted(ORDER).toList();
  }

  /** True when any of the diagnostics is an error. */
  public static boolean anyError(List<Diagnostic> diagnostics) {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
