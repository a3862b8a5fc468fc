package redline.model;

import java.time.LocalDate;

/**
 * Which positions an answer used: the stances in force on {@code day}. {@code latest} is true when
 * no date was asked for, so the day is the last on which a stance started or ended. {@code day} is
 * null only when no stance in the rules is dated.
 */
public record Positions(LocalDate day, boolean latest) implements java.io.Serializable {
  /** The latest positions of rules with no dated stance. */
  public static final Positions UNDATED = new Positions(null, true);

  /** Words for a report: {@code positions as of 2026-02-17 (latest)}. */
  public String describe() {
    if (day == null) {
      return "latest positions";
    }
    return "positions as of " + day + (latest ? " (latest)" : "");
  }

  /** The day as text, or empty when none. */
  public String dayText() {
    return day == null ? "" : day.toString();
  }
}
