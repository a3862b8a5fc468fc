package redline.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * Says in plain words what is wrong when a proposal file is not valid JSON for one of the usual
 * reasons a person writing it by hand has: a number written with thousands separators
 * ({@code 800,000}), a comma after the last item, or a comment. Each points at the mistake itself.
 */
final class JsonMistakes {
  private JsonMistakes() {}

  /** A plain diagnostic for {@code e} in {@code bytes}, or null when it is none of the usual mistakes. */
  static Diagnostic explain(byte[] bytes, JsonProcessingException e, String shown) {
    JsonLocation loc = e.getLocation();
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    if (loc == null) {
      return null;
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    int at = offset(text, loc);
    if (at < 0 || at > text.length()) {
      return null;
    }
    if (message.contains("comment")) {
      int start = at < text.length() && text.charAt(at) == '/' ? at : Math.max(0, at - 1);
      String comment = text.substring(start, Math.min(text.length(), start + 2));
      return Diagnostic.error(
          "comment",
          location(text, start, shown),
          "comments are not allowed in a proposal file (JSON has none): `" + comment + "...`",
          "remove the comment; write remarks in the `notes` field");
    }
    int bad = at < text.length() ? at : text.length() - 1;
    char c = bad >= 0 && bad < text.length() ? text.charAt(bad) : 0;
    int before = previous(text, bad - 1);
    if (Character.isDigit(c) && before >= 0 && text.charAt(before) == ',' && before > 0 && Character.isDigit(text.charAt(before - 1))) {
      int start = before - 1;
      while (start > 0 && (Character.isDigit(text.charAt(start - 1)) || text.charAt(start - 1) == ',')) {
        start--;
      }
      int end = bad;
      while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == ',')) {
        end++;
      }
      String written = text.substring(start, end);
      return Diagnostic.error(
          "thousands-separator",
          location(text, start, shown),
          "numbers take no thousands separators: `" + written + "`",
          "write " + written.replace(",", ""));
    }
    if ((c == '}' || c == ']') && before >= 0 && text.charAt(before) == ',') {
      return Diagnostic.error(
          "trailing-comma",
          location(text, before, shown),
          "a comma after the last " + (c == '}' ? "field of an object" : "item of a list") + ": JSON allows none",
          "remove this comma");
    }
    return null;
  }

  /** The index in {@code text} of the character Jackson stopped at. */
  private static int offset(String text, JsonLocation loc) {
    int line = loc.getLineNr();
    int column = loc.getColumnNr();
    if (line < 1 || column < 1) {
      return -1;
    }
    int i = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', i);
      if (nl < 0) {
        return -1;
      }
      i = nl + 1;
    }
    return i + column - 1;
  }

  /** The index of the last non-blank character at or before {@code i}, or -1. */
  private static int previous(String text, int i) {
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i;
  }

  private static Location location(String text, int index, String shown) {
    int line = 1;
    int start = 0;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        start = i + 1;
      }
    }
    return new Location(shown, line, index - start + 1, "");
  }
}
