package redline.model;

import java.util.Comparator;

/**
 * Where a diagnostic points: a file, a 1-based line and column (0 when unknown) and, for JSON
 * and YAML inputs, a JSON pointer such as {@code /terms/army_cap}.
 */
public record Location(String file, int line, int column, String pointer) implements java.io.Serializable {

  /** Orders locations by file, line, column, then pointer. */
  public static final Comparator<Location> ORDER =
      Comparator.comparing(Location::file)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column)
          .thenComparing(Location::pointer);

  public Location {
    file = file == null ? "" : file;
    pointer = pointer == null ? "" : pointer;
  }

  /** A location that names only a file. */
  public static Location of(String file) {
    return new Location(file, 0, 0, "");
  }

  /** A location at a line and column of a file. */
  public static Location of(String file, int line, int column) {
    return new Location(file, line, column, "");
  }

  /** Renders as {@code file:line:col} followed by the pointer, e.g. {@code a.json:3:5 /terms}. */
  public String render() {
    StringBuilder sb = new StringBuilder(file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    if (!pointer.isEmpty()) {
      sb.append(sb.length() > 0 ? " " : "").append(pointer);
    }
    return sb.toString();
  }
}
