package redline.check;

import java.util.List;
import redline.model.Diagnostic;

/** One named step of the check; stages run in order and share a {@link Context}. */
public interface Stage {
  /** A short name, e.g. {@code vocabulary}. */
  String name();

  /** What the stage checks, in an analyst's words. */
  String title();

  /**
   * True when the stage reasons over the compiled rules, and so runs only when the earlier
   * stages found no error.
   */
  default boolean needsRuleBook() {
    return false;
  }

  /** Runs the stage and returns what it found. */
  List<Diagnostic> run(Context context);
}
