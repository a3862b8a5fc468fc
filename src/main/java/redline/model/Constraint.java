package redline.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One party's constraint, read from one rule of its DRL file: the rule's metadata and the terms
 * its condition reads. The rule fires when the constraint is broken. Immutable.
 *
 * @param reads the terms the condition reads, sorted; a proposal that leaves any of them out
 *     leaves the constraint undetermined
 * @param condition the rule's condition as written, for explanations
 * @param comparisons each comparison of a term with a literal the condition makes, as Drools'
 *     parser reads it; number thresholds and the flags read come from these
 * @param from the first day the stance is in force ({@code @from}), or null when it is in force
 *     from the start of the record
 * @param until the first day it is no longer in force ({@code @until}, exclusive), or null while
 *     no later stance replaced it
 * @param supersedes the id of the constraint this one replaces ({@code @supersedes}), or empty
 * @param note the analyst's note ({@code @note}), or empty; a stance that ends with no successor
 *     says here why the party dropped it
 */
public record Constraint(
    String id,
    String party,
    Kind kind,
    String title,
    String stance,
    List<String> sources,
    Evidence evidence,
    LocalDate asOf,
    int weight,
    String contested,
    Set<String> reads,
    String condition,
    List<Comparison> comparisons,
    LocalDate from,
    LocalDate until,
    String supersedes,
    String note,
    Location at) implements java.io.Serializable {

  public Constraint {
    sources = List.copyOf(sources);
    reads = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(reads));
    contested = contested == null ? "" : contested;
    condition = condition == null ? "" : condition;
    comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    supersedes = supersedes == null ? "" : supersedes;
    note = note == null ? "" : note;
  }

  /** True when the stance is in force on {@code day}: from its {@code @from} day until the day before its {@code @until}. */
  public boolean inForce(LocalDate day) {
    return (from == null || !day.isBefore(from)) && (until == null || day.isBefore(until));
  }

  /** True when the sources contradict each other about this stance. */
  public boolean isContested() {
    return !contested.isEmpty();
  }
}
