package redline.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code redline} command line: picocli subcommands over the Redline library. */
@Command(
    name = "redline",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Checks draft settlement proposals against each party's stated positions and red lines.",
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
    Prefetch.start(args);
    StandardOut stdout = new StandardOut(new FileOutputStream(FileDescriptor.out));
    String encoding = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding", Charset.defaultCharset().name()));
    PrintWriter out = new PrintWriter(new OutputStreamWriter(new BufferedOutputStream(stdout), Charset.forName(encoding)), true);
    PrintWriter err = new PrintWriter(System.err, true);
    int code;
    try {
      code = commandLine(out, err, args).execute(args);
    } catch (OutOfMemoryError e) {
      err.println("redline: out of memory; evaluate fewer proposals at a time, or give Java more memory (-Xmx)");
      err.flush();
      System.exit(ExitCode.INTERNAL);
      return;
    }
    out.flush();
    if (out.checkError()) {
      // a reader that stopped reading (`| head`) ends the run quietly; any other failure to
      // write the report (a full disk, a closed terminal) is an error
      if (!stdout.brokenPipe()) {
        err.println("cannot write the report to standard output" + stdout.reason());
        err.flush();
        code = ExitCode.BAD_INPUT;
      }
    }
    System.exit(code);
  }

  /** Runs the command line with the given output streams; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine(out, err, args);
    int code = cl.execute(args);
    out.flush();
    if (out.checkError()) {
      err.println("cannot write the report to standard output");
      err.flush();
      return ExitCode.BAD_INPUT;
    }
    return code;
  }

  /** Standard output that remembers why a write failed. */
  private static final class StandardOut extends FilterOutputStream {
    private volatile IOException failure;

    StandardOut(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      try {
        out.write(b);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      try {
        out.write(b, off, len);
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        failure = e;
        throw e;
      }
    }

    boolean brokenPipe() {
      IOException e = failure;
      return e != null && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("broken pipe");
    }

    String reason() {
      IOException e = failure;
      return e == null || e.getMessage() == null ? "" : ": " + e.getMessage().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The subcommands, in the order the usage help lists them. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          EvaluateCommand.class,
          TestCommand.class,
          CheckCommand.class,
          ExploreCommand.class,
          NearestCommand.class,
          CompareCommand.class,
          TableCommand.class,
          BriefCommand.class,
          NewCommand.class,
          HistoryCommand.class,
          SchemaCommand.class,
          BenchCommand.class,
          ServeCommand.class,
          CommandLine.HelpCommand.class);

  /** A configured picocli command line writing to {@code out} and {@code err}, with every subcommand. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, new String[0]);
  }

  /**
   * A configured picocli command line writing to {@code out} and {@code err}, for {@code args}:
   * when they start with a subcommand's name, only that subcommand is built (picocli builds the
   * model of every subcommand it is given, about a sixth of a cold {@code evaluate}); otherwise
   * (help, version, an unknown or mistyped command) all of them.
   */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, String[] args) {
    CommandLine cl = new CommandLine(new Main());
    String first = args.length == 0 ? "" : args[0];
    List<Class<?>> wanted = SUBCOMMANDS.stream().filter(c -> !first.equals("help") && c.getAnnotation(Command.class).name().equals(first)).toList();
    for (Class<?> c : wanted.isEmpty() ? SUBCOMMANDS : wanted) {
      cl.addSubcommand(c.getAnnotation(Command.class).name(), c);
    }
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
