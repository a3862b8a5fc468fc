package redline.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redline.engine.RuleBook;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.report.DiagnosticReport;
import redline.server.Workbench;
import redline.server.WorkbenchServer;

/** {@code redline serve}: the workbench, a local web page to build a proposal and see every verdict. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Opens the workbench: a local web page that builds a proposal from the vocabulary.",
      "Every term is a control; the verdicts of every party update as you pick, with the",
      "constraints that decide them; nearest suggestions apply with one click; the draft",
      "downloads as a proposal file that `redline evaluate` reads. Listens on 127.0.0.1",
      "only and refuses requests from other sites; Ctrl-C stops it."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped (Ctrl-C)",
      "2:bad command line: a bad --port or --cases, or the port is in use",
      "3:the rules failed to load",
      "4:internal error"
    })
final class ServeCommand implements Callable<Integer> {
  /** The port listened on unless {@code --port} says otherwise. */
  static final int DEFAULT_PORT = 7070;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Option(names = "--port", paramLabel = "N", defaultValue = "" + DEFAULT_PORT, description = "the port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one)")
  int port;

  @Option(names = "--cases", paramLabel = "DIR", description = "the cases the page can start from (default: ./cases, else the cases of this installation)")
  Path cases;

  @Override
  public Integer call() throws InterruptedException {
    CommandLine cl = spec.commandLine();
    common.noAsOf(cl, "serve (the workbench judges by the latest positions)");
    if (port < 0 || port > 65535) {
      common.printErrors(cl, Common.Format.text, "the workbench was not started", List.of(Diagnostic.error("bad-option", Location.of("--port"), "`--port` must be from 0 to 65535, not `" + port + "`", "0 picks a free port")));
      return ExitCode.BAD_INPUT;
    }
    if (cases != null && !Files.isDirectory(cases)) {
      common.printErrors(cl, Common.Format.text, "the workbench was not started", List.of(Diagnostic.error("not-a-folder", Location.of("--cases"), "no cases folder `" + cases + "`")));
      return ExitCode.BAD_INPUT;
    }
    RuleBook book = common.load(cl, Common.Format.text);
    if (book == null) {
      return ExitCode.RULES;
    }
    Path dir = casesDir();
    Workbench workbench = Workbench.open(book, dir, dir.toString());
    if (!workbench.caseProblems().isEmpty()) {
      cl.getErr().println("these case files are left out:");
      DiagnosticReport.print(workbench.caseProblems(), cl.getErr(), common.style(), 20);
      cl.getErr().flush();
    }
    WorkbenchServer server;
    try {
      server = WorkbenchServer.start(workbench, port);
    } catch (RuntimeException e) {
      if (isBindFailure(e)) {
        common.printErrors(cl, Common.Format.text, "the workbench was not started", List.of(Diagnostic.error("port-in-use", Location.of("--port"), "port " + port + " on " + WorkbenchServer.HOST + " is in use", "--port 0 picks a free port")));
        return ExitCode.BAD_INPUT;
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    var out = cl.getOut();
    Thread hook =
        new Thread(
            () -> {
              server.stop();
              out.println("workbench stopped");
              out.flush();
              stopped.countDown();
            },
            "redline-serve-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    out.println("Redline workbench: " + server.url());
    out.println(book.constraints().size() + " constraints of " + book.parties().size() + " parties from " + book.folder() + "; " + workbench.caseIds().size() + " cases from " + dir);
    out.println("listening on " + WorkbenchServer.HOST + " only; Ctrl-C stops it");
    out.flush();
    stopped.await();
    return ExitCode.OK;
  }

  private Path casesDir() {
    if (cases != null) {
      return cases;
    }
    Path local = Path.of("cases");
    if (Files.isDirectory(local)) {
      return local;
    }
    String home = System.getenv("REDLINE_HOME");
    if (home != null && Files.isDirectory(Path.of(home, "cases"))) {
      return Path.of(home, "cases");
    }
    return local;
  }

  private static boolean isBindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }
}
