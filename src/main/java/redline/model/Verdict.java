package redline.model;

/** A party's overall reaction to a proposal, as implied by its constraints. */
public enum Verdict {
  /** A red line is broken. */
  REJECTS,
  /** No red line is broken but an objection is. */
  OBJECTS,
  /** Every red line and objection is satisfied. */
  ACCEPTS,
  /** No red line or objection is broken, but some are undetermined. */
  UNDETERMINED
}
