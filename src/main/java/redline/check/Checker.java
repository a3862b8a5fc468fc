package redline.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.LocalDate;
import redline.engine.RuleBook;
import redline.model.Positions;
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

  /**
   * Checks the rules folder {@code dir}, naming it {@code shown} in diagnostics: the latest
   * positions, then the positions of every other day on which they change; a finding that holds
   * only on some days says which.
   */
  public CheckReport check(Path dir, String shown) {
    return check(dir, shown, null);
  }

  /**
   * As {@link #check(Path, String)}; with a {@code day}, checks only the positions in force on it.
   */
  public CheckReport check(Path dir, String shown, LocalDate day) {
    return check(dir, shown, day, null);
  }

  /**
   * As {@link #check(Path, String, LocalDate)}, taking the compiled rules and Drools' decisions
   * from {@code cacheDir} when these rules were seen before, and keeping them there otherwise
   * (null: no cache). Rules with any problem are never cached, so the report is the same.
   */
  public CheckReport check(Path dir, String shown, LocalDate day, Path cacheDir) {
    return check(new Context(dir, shown, cacheDir), day);
  }

  /**
   * As {@link #check(Path, String, LocalDate, Path)}, with the folder already read and compiled
   * by {@link RuleBook#prepare}{@code (dir, shown, cacheDir)}.
   */
  public CheckReport check(Path dir, String shown, LocalDate day, Path cacheDir, RuleBook.Prepared prepared) {
    return check(new Context(dir, shown, cacheDir, prepared), day);
  }

  private CheckReport check(Context start, LocalDate day) {
    Context context = start;
    String shown = start.shown();
    if (day != null) {
      context = context.at(day);
    }
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
    List<LocalDate> checked = new ArrayList<>();
    RuleBook book = context.ruleBook();
    if (book != null && !Diagnostic.anyError(new ArrayList<>(all))) {
      if (day != null) {
        checked.add(day);
      } else {
        List<LocalDate> days = new ArrayList<>(book.changeDates());
        if (!days.isEmpty()) {
          List<LocalDate> periods = new ArrayList<>();
          periods.add(days.get(0).minusDays(1));
          periods.addAll(days.subList(0, days.size() - 1));
          CheckReport.StageRun dated = datedRuns(context, periods, days, all);
          all.addAll(dated.diagnostics());
          runs.add(dated);
          checked.addAll(periods);
          checked.add(days.get(days.size() - 1));
        }
      }
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
        analysed ? context.conflicts() : List.of(),
        book == null ? null : new Positions(book.day(), book.isLatest()),
        checked);
  }

  /**
   * Runs the stages that reason over the rule book on the positions of each of {@code periods}
   * (each holds from its day until the next change) and reports what they find that the latest
   * positions do not have, once per finding, with the days it holds.
   */
  private CheckReport.StageRun datedRuns(Context latest, List<LocalDate> periods, List<LocalDate> changes, Set<Diagnostic> known) {
    Map<Diagnostic, List<Integer>> found = new LinkedHashMap<>();
    for (int i = 0; i < periods.size(); i++) {
      Context at = latest.at(periods.get(i));
      for (Stage stage : stages) {
        if (!stage.needsRuleBook()) {
          continue;
        }
        List<Diagnostic> ds;
        try {
          ds = stage.run(at);
        } catch (RuntimeException e) {
          ds = List.of(Diagnostic.error("check-failed", Location.of(latest.shown()), "stage `" + stage.name() + "` failed on the positions of " + periods.get(i) + ": " + e.getMessage()));
        }
        for (Diagnostic d : ds) {
          if (!known.contains(d)) {
            found.computeIfAbsent(d, k -> new ArrayList<>()).add(i);
          }
        }
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    for (Map.Entry<Diagnostic, List<Integer>> e : found.entrySet()) {
      Diagnostic d = e.getKey();
      out.add(new Diagnostic(d.severity(), d.code(), d.at(), d.message() + " (in the positions " + spans(e.getValue(), periods, changes) + ")", d.hint()));
    }
    return new CheckReport.StageRun(
        "dates",
        "the positions of each of the " + periods.size() + " earlier days on which they change, checked again",
        true,
        "",
        out);
  }

  /** The days a finding holds, as ranges of periods: {@code from 2025-12-14 until 2026-01-06}. */
  private static String spans(List<Integer> indices, List<LocalDate> periods, List<LocalDate> changes) {
    List<String> parts = new ArrayList<>();
    int i = 0;
    while (i < indices.size()) {
      int j = i;
      while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
        j++;
      }
      int first = indices.get(i);
      int last = indices.get(j);
      // period k holds from periods[k] until changes[k] (the next change)
      parts.add(first == 0 ? "before " + changes.get(last) : "from " + periods.get(first) + " until " + changes.get(last));
      i = j + 1;
    }
    return String.join(", ", parts);
  }

  private boolean stageNeedsBook(String name) {
    return stages.stream().anyMatch(s -> s.name().equals(name) && s.needsRuleBook());
  }

  private static String prefix(String shown) {
    return shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
  }
}
