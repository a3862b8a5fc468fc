package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import redline.bench.Bench;

/** The report of {@code redline bench}: each figure beside its baseline, the ratio and the target. */
public final class BenchReport {
  private BenchReport() {}

  /** Prints the figures as a table. */
  public static void text(Bench.Result r, PrintWriter out, Style s) {
    out.println(s.bold("Redline benchmark"));
    r.facts().forEach((k, v) -> out.println(s.dim(k + ": " + v)));
    out.println();
    for (Bench.Figure f : r.figures()) {
      out.println(s.bold(f.name()));
      out.println("  " + String.format(Locale.ROOT, "%-14s", number(f.value()) + " " + f.unit()) + "  baseline " + number(f.baseline()) + " " + f.unit() + s.dim(" (" + f.baselineName() + ")"));
      String ratio =
          !Double.isFinite(f.ratio()) || f.ratio() <= 0 ? ""
              : f.ratio() < 0.01 ? String.format(Locale.ROOT, "%.1ex the baseline", f.ratio())
              : String.format(Locale.ROOT, "%.2fx the baseline", f.ratio());
      String target = f.met() == null ? "" : (f.met() ? s.green("target met") : s.red("target missed")) + " (" + f.target() + ")";
      out.println("  " + ratio + (ratio.isEmpty() || target.isEmpty() ? "" : "; ") + target);
      if (!f.note().isEmpty()) {
        out.println("  " + s.dim(f.note()));
      }
    }
    out.flush();
  }

  private static String number(double v) {
    if (!Double.isFinite(v)) {
      return "-";
    }
    if (Math.abs(v) >= 1e9) {
      return String.format(Locale.ROOT, "%.3g", v);
    }
    return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  /** The figures as JSON. */
  public static ObjectNode json(Bench.Result r) {
    ObjectNode o = Json.object();
    ObjectNode facts = o.putObject("facts");
    r.facts().forEach(facts::put);
    ArrayNode figures = o.putArray("figures");
    for (Bench.Figure f : r.figures()) {
      ObjectNode x = figures.addObject();
      x.put("name", f.name());
      x.put("value", f.value());
      x.put("unit", f.unit());
      x.put("baseline", f.baseline());
      x.put("baselineName", f.baselineName());
      x.put("ratio", f.ratio());
      x.put("target", f.target());
      if (f.met() == null) {
        x.putNull("met");
      } else {
        x.put("met", f.met());
      }
      x.put("note", f.note());
    }
    return o;
  }
}
