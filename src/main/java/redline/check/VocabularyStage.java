package redline.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import redline.engine.RuleBook;
import redline.load.RuleFile;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Term;

/**
 * Stage 3: every term and option a rule names exists (the rule reader checks these, with "did
 * you mean"), and every term of the vocabulary is read by some rule.
 */
public final class VocabularyStage implements Stage {
  @Override
  public String name() {
    return "vocabulary";
  }

  @Override
  public String title() {
    return "every term and option a rule names exists, and every term is used";
  }

  @Override
  public List<Diagnostic> run(Context context) {
    RuleBook.Loaded loaded = context.loaded();
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : loaded.diagnostics()) {
      if (Codes.VOCABULARY.contains(d.code())) {
        out.add(d);
      }
    }
    if (loaded.vocabulary() == null || loaded.files().isEmpty()) {
      return out;
    }
    Set<String> read = new HashSet<>();
    for (RuleFile f : loaded.files()) {
      if ((f.descr() != null && f.descr().getRules().size() != f.constraints().size()) || Diagnostic.anyError(loaded.diagnostics())) {
        // a rule with errors declares no constraint, so the terms it reads are unknown
        return out;
      }
      for (Constraint c : f.constraints()) {
        read.addAll(c.reads());
      }
    }
    for (Term t : loaded.vocabulary().terms().values()) {
      if (!read.contains(t.name())) {
        out.add(
            Diagnostic.warning(
                "unused-term",
                t.at(),
                "no rule reads term `" + t.name() + "`" + (t.id().isEmpty() ? "" : " (" + t.id() + ")"),
                "no party's position depends on it; write a constraint that reads it, or remove it"));
      }
    }
    return out;
  }
}
