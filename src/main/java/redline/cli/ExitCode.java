package redline.cli;

/** The documented exit codes of every command. */
public final class ExitCode {
  /** The command did its job: proposals evaluated, all cases passed, no errors in the rules. */
  public static final int OK = 0;

  /** {@code test}: at least one case failed. {@code nearest}: no suggestion found. */
  public static final int FAILED = 1;

  /** Bad input: a malformed proposal or case file, or a bad command line. */
  public static final int BAD_INPUT = 2;

  /** The rules failed to load, failed a consistency check, or failed while running. */
  public static final int RULES = 3;

  /** An internal error: a bug in Redline. */
  public static final int INTERNAL = 4;

  private ExitCode() {}
}
