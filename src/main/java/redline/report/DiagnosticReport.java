package redline.report;

import java.io.PrintWriter;
import java.util.List;
import redline.model.Diagnostic;
import redline.model.Severity;

/** Renders diagnostics one per line, sorted, capped, with a count when some were left out. */
public final class DiagnosticReport {
  private DiagnosticReport() {}

  /** Prints up to {@code max} diagnostics (all when max is 0 or less), sorted. */
  public static void print(List<Diagnostic> diagnostics, PrintWriter out, Style style, int max) {
    List<Diagnostic> sorted = Diagnostic.sorted(diagnostics);
    int shown = 0;
    for (Diagnostic d : sorted) {
      if (max > 0 && shown == max) {
        out.println("... and " + (sorted.size() - shown) + " more (raise --max-errors to see them)");
        break;
      }
      String line = Text.escape(d.render());
      out.println(d.severity() == Severity.ERROR ? style.red(line) : d.severity() == Severity.WARNING ? style.yellow(line) : line);
      shown++;
    }
    out.flush();
  }
}
