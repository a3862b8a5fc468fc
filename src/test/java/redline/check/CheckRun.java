package redline.check;

import java.io.PrintWriter;
import java.io.StringWriter;
import redline.cli.Main;

/** One in-process run of {@code redline check ...}: exit code, stdout and stderr. */
record CheckRun(int exit, String out, String err) {
  /** The folder holding one fixture rules folder per injected fault. */
  static final String FIXTURES = "src/test/resources/check/";

  /** Runs {@code redline check args...} with colour off. */
  static CheckRun of(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "check";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--color";
    all[args.length + 2] = "never";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all, new PrintWriter(out), new PrintWriter(err));
    return new CheckRun(code, out.toString(), err.toString());
  }
}
