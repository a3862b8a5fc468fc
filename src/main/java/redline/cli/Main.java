package redline.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code redline} command line: picocli subcommands over the Redline library. */
@Command(
    name = "redline",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Checks draft settlement proposals against each party's stated positions and red lines.",
    subcommands = {
      EvaluateCommand.class,
      TestCommand.class,
      CheckCommand.class,
      ExploreCommand.class,
      NearestCommand.class,
      HistoryCommand.class,
      SchemaCommand.class,
      BenchCommand.class,
      ServeCommand.class,
      CommandLine.HelpCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done: proposals evaluated, cases passed, rules consistent",
      "1:some case failed (test), or no suggestion found (nearest)",
      "2:bad input: malformed proposal or case, bad command line",
      "3:the rules failed to load, to check, or to run",
      "4:internal error"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    quietLogging(Arrays.asList(args).contains("--verbose"));
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(out, err);
    return cl.execute(args);
  }

  /** A configured picocli command line writing to {@code out} and {@code err}. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setUsageHelpWidth(100); // the descriptions are written for 100 columns
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          e.println("internal error: " + ex);
          if (java.util.Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--verbose")) {
            ex.printStackTrace(e);
          } else {
            e.println("(run again with --verbose for details, and please report it)");
          }
          e.flush();
          return ExitCode.INTERNAL;
        });
    return cl;
  }

  /** Silences Drools' logging unless {@code verbose}; must run before any logger is created. */
  static void quietLogging(boolean verbose) {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
  }

  /** Prints the version. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"redline " + (v == null ? "(development build)" : v) + ", Drools 10.2.0"};
    }
  }
}
