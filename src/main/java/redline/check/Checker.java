package redline.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redline.engine.RuleBook;
import redline.load.RuleFile;
import redline.load.VocabularyReader;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Party;
import redline.model.Term;

/**
 * The static checker of a rules folder: an ordered list of named stages, each adding its
 * diagnostics. The stages that reason over the compiled rules (4 to 6) run only when the
 * earlier ones found no error. Never prints; stateless and safe to share.
 */
public final class Checker {
  private final List<Stage> stages;

  /** A checker running {@code stages} in order. */
  public Checker(List<Stage> stages) {
    this.stages = List.copyOf(stages);
  }

  /** The standard checker: compile, metadata, vocabulary, constraints, party, conflicts. */
  public static Checker standard() {
    return new Checker(
        List.of(
            new CompileStage(),
            new MetadataStage(),
            new VocabularyStage(),
            new ConstraintStage(),
            new PartyStage(),
            new ConflictStage()));
  }

  /** The stages, in the order they run. */
  public List<Stage> stages() {
    return stages;
  }

  /** Checks the rules folder {@code dir}, naming it as given in diagnostics. */
  public CheckReport check(Path dir) {
    return check(dir, dir.toString());
  }

  /** Checks the rules folder {@code dir}, naming it {@code shown} in diagnostics. */
  public CheckReport check(Path dir, String shown) {
    Context context = new Context(dir, shown);
    Set<Diagnostic> all = new LinkedHashSet<>();
    List<CheckReport.StageRun> runs = new ArrayList<>();
    for (Stage stage : stages) {
      if (stage.needsRuleBook()) {
        String skip = "";
        if (Diagnostic.anyError(new ArrayList<>(all))) {
          skip = "the rules have errors; fix them first";
        } else if (context.ruleBook() == null) {
          skip = "the rules did not load";
          List<Diagnostic> fresh = new ArrayList<>(context.bookProblems());
          fresh.removeAll(all);
          all.addAll(fresh);
          runs.add(new CheckReport.StageRun(stage.name(), stage.title(), false, skip, fresh));
          continue;
        }
        if (!skip.isEmpty()) {
          runs.add(new CheckReport.StageRun(stage.name(), stage.title(), false, skip, List.of()));
          continue;
        }
      }
      List<Diagnostic> found;
      try {
        found = new ArrayList<>(stage.run(context));
      } catch (RuntimeException e) {
        found =
            List.of(
                Diagnostic.error(
                    "check-failed",
                    Location.of(shown),
                    "stage `" + stage.name() + "` failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
      }
      found.removeAll(all);
      all.addAll(found);
      runs.add(new CheckReport.StageRun(stage.name(), stage.title(), true, "", found));
    }
    RuleBook.Loaded loaded = context.loaded();
    List<String> files = new ArrayList<>();
    if (loaded.vocabulary() != null) {
      files.add(prefix(shown) + VocabularyReader.FILE);
    }
    loaded.files().stream().map(RuleFile::shown).forEach(files::add);
    Map<String, Term> terms = loaded.vocabulary() == null ? Map.of() : loaded.vocabulary().terms();
    Map<String, Party> parties = loaded.vocabulary() == null ? Map.of() : new LinkedHashMap<>(loaded.vocabulary().parties());
    boolean analysed = runs.stream().anyMatch(r -> r.ran() && stageNeedsBook(r.name()));
    return new CheckReport(
        shown,
        files,
        terms,
        parties,
        runs,
        new ArrayList<>(all),
        analysed ? new ArrayList<>(context.analyses().values()) : List.of(),
        analysed ? context.conflicts() : List.of());
  }

  private boolean stageNeedsBook(String name) {
    return stages.stream().anyMatch(s -> s.name().equals(name) && s.needsRuleBook());
  }

  private static String prefix(String shown) {
    return shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
  }
}
