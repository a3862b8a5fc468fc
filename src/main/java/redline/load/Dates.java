package redline.load;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The dates Redline accepts, in proposals, cases and rule metadata: a real calendar date
 * written {@code yyyy-mm-dd}, from {@link #EARLIEST} (Ukraine's independence) to
 * {@link #LATEST}.
 */
public final class Dates {
  /** The earliest date accepted. */
  public static final LocalDate EARLIEST = LocalDate.of(1991, 8, 24);

  /** The latest date accepted. */
  public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /** The date {@code text} names, or empty when it is not an accepted date. */
  public static Optional<LocalDate> parse(String text) {
    if (text.length() != 10) {
      return Optional.empty();
    }
    try {
      LocalDate d = LocalDate.parse(text, FORMAT);
      return d.isBefore(EARLIEST) || d.isAfter(LATEST) ? Optional.empty() : Optional.of(d);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** What an accepted date is, for messages. */
  public static String expected() {
    return "a real date written yyyy-mm-dd, from " + EARLIEST + " to " + LATEST;
  }
}
