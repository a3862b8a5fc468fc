package redline.model;

/**
 * Constants that rule files use for number terms. {@code Limit.NONE} is the value of a number
 * term set to {@code "NONE"} (no ceiling); it compares greater than any real ceiling.
 */
public final class Limit {
  /** No ceiling at all. */
  public static final int NONE = Integer.MAX_VALUE;

  private Limit() {}

  /** Renders a number term's value: {@code NONE} for no ceiling, else the number. */
  public static String render(int value) {
    return value == NONE ? "NONE" : Integer.toString(value);
  }
}
