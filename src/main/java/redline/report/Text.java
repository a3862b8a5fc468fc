package redline.report;

/**
 * Escaping of text read from input files before it reaches a terminal: control characters
 * (escape sequences, carriage returns, line breaks) are shown as {@code \u001b}-style codes, so a
 * proposal's title cannot move the cursor, recolour the screen or forge a report line.
 */
public final class Text {
  private Text() {}

  /** {@code s} with every control character written as a visible {@code \\uXXXX} code. */
  public static String safe(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean bad = Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
      if (bad && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        if (bad) {
          out.append(String.format("\\u%04x", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? s : out.toString();
  }
}
