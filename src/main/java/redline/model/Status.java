package redline.model;

/** The outcome of one constraint for one proposal. */
public enum Status {
  /** The proposal sets every term the constraint reads, and does not break it. */
  SATISFIED,
  /** The proposal breaks the constraint. */
  BROKEN,
  /** The proposal leaves open a term the constraint reads. */
  UNDETERMINED
}
