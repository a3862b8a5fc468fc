package redline.cases;

/**
 * One way a case's actual outcome differs from its expectation: for a party verdict, {@code
 * constraint} is empty; {@code explanation} says why the actual outcome is what it is.
 */
public record Mismatch(String party, String constraint, String expected, String actual, String explanation) {}
