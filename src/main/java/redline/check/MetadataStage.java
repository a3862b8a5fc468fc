package redline.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * Stage 2: every constraint has a unique, well-formed id, a known party, a valid kind (a
 * preference has a weight), a title, a stance, sources that resolve, an evidence tag and a
 * valid date. The rule reader checks these while it parses; this stage reports its findings,
 * pointing at the line of the offending {@code @metadata} where the reader could only name the
 * rule.
 */
public final class MetadataStage implements Stage {
  /** The metadata each code is about. */
  private static final Map<String, String> ANNOTATION =
      Map.of(
          "invalid-date", "asOf",
          "unknown-source", "sources",
          "invalid-evidence", "evidence",
          "invalid-kind", "kind",
          "unknown-party", "party",
          "wrong-party", "party",
          "invalid-weight", "weight",
          "unused-weight", "weight");

  @Override
  public String name() {
    return "metadata";
  }

  @Override
  public String title() {
    return "every constraint says what it should about itself";
  }

  @Override
  public List<Diagnostic> run(Context context) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : context.loaded().diagnostics()) {
      if (Codes.METADATA.contains(d.code())) {
        out.add(pinpoint(d, context));
      }
    }
    return out;
  }

  /** Moves a diagnostic from the rule's first line to the line of the metadata it is about. */
  private static Diagnostic pinpoint(Diagnostic d, Context context) {
    String annotation = ANNOTATION.get(d.code());
    if (annotation == null || d.at().line() <= 0) {
      return d;
    }
    List<String> lines = context.lines(d.at().file());
    int start = d.at().line() - 1;
    if (start >= lines.size() || !lines.get(start).trim().startsWith("rule ")) {
      return d;
    }
    for (int i = start + 1; i < lines.size(); i++) {
      String text = lines.get(i);
      String trimmed = text.trim();
      if (trimmed.startsWith("when") || trimmed.startsWith("rule ")) {
        break;
      }
      int at = text.indexOf("@" + annotation + "(");
      if (at >= 0) {
        Location moved = new Location(d.at().file(), i + 1, at + 1, d.at().pointer());
        return new Diagnostic(d.severity(), d.code(), moved, d.message(), d.hint());
      }
    }
    return d;
  }
}
