package redline.cases;

/**
 * One way a case's actual outcome differs from its expectation: for a party verdict, {@code
 * constraint} and {@code title} are empty; {@code explanation} says why the actual outcome is what
 * it is.
 */
public record Mismatch(String party, String constraint, String title, String expected, String actual, String explanation) {}
