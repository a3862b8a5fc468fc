package redline.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.model.Diagnostic;
import redline.model.Party;
import redline.model.Severity;
import redline.model.Term;

/**
 * The outcome of checking a rules folder: every diagnostic, sorted; what each stage did; the
 * analysis of every constraint; and the minimal sets of red lines that cannot be satisfied
 * together (within one party, and across parties). Immutable.
 *
 * @param folder the rules folder as the user named it
 * @param files the files checked, as shown in diagnostics
 * @param terms the terms of the vocabulary by name, in vocabulary order (empty when it did not load)
 * @param parties the parties by code, in vocabulary order
 * @param positions the positions the analyses and the conflict map are of
 * @param datesChecked every day whose positions were checked: the day before the first change
 *     and each day the positions change (one day with {@code --as-of})
 */
public record CheckReport(
    String folder,
    List<String> files,
    Map<String, Term> terms,
    Map<String, Party> parties,
    List<StageRun> stages,
    List<Diagnostic> diagnostics,
    List<ConstraintAnalysis> constraints,
    List<Conflict> conflicts,
    redline.model.Positions positions,
    List<java.time.LocalDate> datesChecked) {

  public CheckReport {
    files = List.copyOf(files);
    terms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    parties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parties));
    stages = List.copyOf(stages);
    diagnostics = Diagnostic.sorted(diagnostics);
    constraints = List.copyOf(constraints);
    conflicts = List.copyOf(conflicts);
    positions = positions == null ? redline.model.Positions.UNDATED : positions;
    datesChecked = datesChecked == null ? List.of() : List.copyOf(datesChecked);
  }

  /** What one stage did: its name, what it checks, whether it ran, and what it found. */
  public record StageRun(String name, String title, boolean ran, String skippedBecause, List<Diagnostic> diagnostics) {
    public StageRun {
      diagnostics = Diagnostic.sorted(diagnostics);
      skippedBecause = skippedBecause == null ? "" : skippedBecause;
    }

    /** How many of its diagnostics have severity {@code s}. */
    public long count(Severity s) {
      return diagnostics.stream().filter(d -> d.severity() == s).count();
    }
  }

  /** True when some diagnostic is an error: the rules must be fixed. */
  public boolean hasErrors() {
    return Diagnostic.anyError(diagnostics);
  }

  /** How many diagnostics have severity {@code s}. */
  public long count(Severity s) {
    return diagnostics.stream().filter(d -> d.severity() == s).count();
  }

  /** The diagnostics that are errors. */
  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }

  /** The sets of red lines of different parties that cannot be satisfied together. */
  public List<Conflict> crossPartyConflicts() {
    return conflicts.stream().filter(Conflict::crossParty).toList();
  }

  /** The sets of one party's red lines that cannot be satisfied together. */
  public List<Conflict> partyContradictions() {
    return conflicts.stream().filter(c -> !c.crossParty()).toList();
  }

  /** The conflict map: for each term, in vocabulary order, the cross-party conflicts on it. */
  public Map<String, List<Conflict>> conflictMap() {
    Map<String, List<Conflict>> map = new LinkedHashMap<>();
    for (String term : terms.keySet()) {
      List<Conflict> on = new ArrayList<>();
      for (Conflict c : crossPartyConflicts()) {
        if (c.terms().contains(term)) {
          on.add(c);
        }
      }
      if (!on.isEmpty()) {
        map.put(term, List.copyOf(on));
      }
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
