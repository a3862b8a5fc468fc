package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.model.Diagnostic;

/**
 * Stage 2: every constraint has a unique, well-formed id, a known party, a valid kind (a
 * preference has a weight), a title, a stance, sources that resolve, an evidence tag and a
 * valid date. The rule reader checks these while it parses, at the line of the offending
 * {@code @metadata}; this stage reports its findings.
 */
public final class MetadataStage implements Stage {
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
        out.add(d);
      }
    }
    return out;
  }
}
