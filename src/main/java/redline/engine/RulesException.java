package redline.engine;

import java.util.List;
import redline.model.Diagnostic;

/** The rules folder could not be loaded; carries every problem found, sorted. */
public final class RulesException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  /** An exception carrying {@code diagnostics}. */
  public RulesException(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "rules failed to load" : diagnostics.get(0).render());
    this.diagnostics = Diagnostic.sorted(diagnostics);
  }

  /** The problems found, sorted by file and line. */
  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
