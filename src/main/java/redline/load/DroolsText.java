package redline.load;

import java.util.Locale;

/** Turns a Drools message into one lowercase line for a diagnostic. */
public final class DroolsText {
  private DroolsText() {}

  /** The first meaningful line of {@code message}, lowercased at the start, without a period. */
  public static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "unknown problem";
    }
    String line =
        message.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("").trim();
    line = line.replaceAll("^\\[ERR \\d+\\]\\s*", "").replaceAll("^Line \\d+:\\d+\\s*", "");
    line = line.replaceAll("[.:]$", "");
    if (!line.isEmpty()) {
      line = line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
    }
    return line;
  }
}
