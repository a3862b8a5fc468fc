package redline.check;

import java.util.ArrayList;
import java.util.List;
import redline.model.Diagnostic;

/**
 * Stage 1: the vocabulary and every rule file parse, and the rules compile with Drools; every
 * compile error and warning at its file, line and column.
 */
public final class CompileStage implements Stage {
  @Override
  public String name() {
    return "compile";
  }

  @Override
  public String title() {
    return "the vocabulary and the rule files parse, and the rules compile";
  }

  @Override
  public List<Diagnostic> run(Context context) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : context.loaded().diagnostics()) {
      if (!Codes.METADATA.contains(d.code()) && !Codes.VOCABULARY.contains(d.code())) {
        out.add(d);
      }
    }
    out.addAll(context.compiled().diagnostics());
    return out;
  }
}
