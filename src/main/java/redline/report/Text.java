package redline.report;

/**
 * Makes text from input files safe for a terminal: control characters (newlines, tabs,
 * carriage returns, the escape that starts an ANSI sequence, C1 controls), line and paragraph
 * separators and bidirectional overrides are shown as visible escapes ({@code \n},
 * {@code \u001b}), so an id or title can neither forge a report line nor drive the terminal.
 * Every text report passes input text through {@link #escape}.
 */
public final class Text {
  private Text() {}

  /** {@code s} with every character that could act on a terminal written as a visible escape. */
  public static String escape(String s) {
    if (s == null) {
      return "";
    }
    int i = 0;
    while (i < s.length() && !unsafe(s.charAt(i))) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!unsafe(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.toString();
  }

  /** True when {@code c} is a control, a line separator or a bidirectional control. */
  static boolean unsafe(char c) {
    return Character.isISOControl(c)
        || c == '\u2028'
        || c == '\u2029'
        || c == '\u200e'
        || c == '\u200f'
        || c == '\u061c'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
