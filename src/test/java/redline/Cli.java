package redline;

import java.io.PrintWriter;
import java.io.StringWriter;
import redline.cli.Main;

/** Runs the command line in-process and captures its exit code, stdout and stderr. */
public record Cli(int exit, String out, String err) {
  /** Runs {@code redline args...}. */
  public static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Cli(code, out.toString(), err.toString());
  }

  /** Exit code, stdout and stderr in one text, for golden files. */
  public String transcript() {
    return "exit: " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
