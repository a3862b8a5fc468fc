package redline.report;

/** Terminal styling for text reports: ANSI colours on a terminal, plain text otherwise. */
public record Style(boolean color) {
  /** No colour. */
  public static final Style PLAIN = new Style(false);

  /** Colour on. */
  public static final Style ANSI = new Style(true);

  private String wrap(String code, String s) {
    return color ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }

  /** Bold text. */
  public String bold(String s) {
    return wrap("1", s);
  }

  /** Red text, for rejections and broken red lines. */
  public String red(String s) {
    return wrap("31;1", s);
  }

  /** Yellow text, for objections and undetermined outcomes. */
  public String yellow(String s) {
    return wrap("33", s);
  }

  /** Green text, for acceptance. */
  public String green(String s) {
    return wrap("32", s);
  }

  /** Dim text, for details. */
  public String dim(String s) {
    return wrap("2", s);
  }
}
