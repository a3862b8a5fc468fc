package redline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import redline.engine.Evaluator;
import redline.cases.CaseRunner;
import redline.cases.Coverage;
import redline.engine.RuleBook;
import redline.model.Diagnostic;
import redline.report.CaseReport;
import redline.report.Json;

/** {@code redline test}: runs case files as tests. */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Runs case files: proposals with the outcome each party is expected to give.",
      "Prints PASS or FAIL per case (a case PASSES when every party's verdict is as expected,",
      "even if that verdict is REJECTS), the differences for each failure, and `N passed, N failed`.",
      "Case format: a proposal plus \"expect\": {\"exhaustive\": false, \"parties\": {\"RU\": {\"verdict\": \"REJECTS\",",
      "\"broken\": [\"RU-01\"], \"satisfied\": [...], \"undetermined\": [...], \"reaction\": \"...\"}}}.",
      "Listed verdicts and ids must match; with \"exhaustive\": true every party must be listed and",
      "each listed party's broken constraints must be exactly those listed."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all cases passed",
      "1:some case failed, or coverage is below --min-coverage",
      "2:a case file is malformed, or the JUnit report cannot be written",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class TestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(arity = "0..*", paramLabel = "PATH", description = "case files or folders (searched recursively; default: cases)")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Common.Format format;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write a JUnit XML report to FILE")
  Path junitXml;

  @Option(names = "--force", description = "let --junit-xml replace a file that is not a JUnit report")
  boolean force;

  @Option(
      names = "--red-lines-both-ways",
      negatable = true,
      description = {
        "fail unless every red line is broken by some case and satisfied by another, as `mvn verify` requires",
        "(default: on when no PATH is given, i.e. for the shipped cases)"
      })
  Boolean redLinesBothWays;

  @Option(names = "--coverage", description = "report, per constraint, whether some case broke it and some case satisfied it")
  boolean coverage;

  @Option(names = "--min-coverage", paramLabel = "P", description = "fail when coverage is below P percent (implies --coverage)")
  Double minCoverage;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    if (minCoverage != null && !(minCoverage >= 0 && minCoverage <= 100)) {
      throw new CommandLine.ParameterException(cl, "`--min-coverage` must be a percentage from 0 to 100, not `" + minCoverage + "`");
    }
    RuleBook book = common.load(cl, format);
    if (book == null) {
      return ExitCode.RULES;
    }
    List<Diagnostic> inputProblems = new ArrayList<>();
    if (junitXml != null) {
      OutputFile.checkTarget(junitXml, "--junit-xml", OutputFile.JUNIT, "a JUnit report", force).ifPresent(inputProblems::add);
    }
    List<Path> files = Inputs.expand(paths == null || paths.isEmpty() ? List.of(defaultCases()) : paths, inputProblems);
    if (Diagnostic.anyError(inputProblems)) {
      common.printErrors(cl, format, "no case was run", inputProblems);
      return ExitCode.BAD_INPUT;
    }
    Common.AsOf asOf = common.asOf == null ? null : common.asOf;
    CaseRunner.Run run =
        asOf == null || asOf.proposal()
            ? new CaseRunner(book).run(files)
            : new CaseRunner(book, asOf.day(), asOf.latest()).run(files);
    boolean wantCoverage = coverage || minCoverage != null;
    Coverage cov = wantCoverage ? Coverage.of(asOf != null && asOf.day() != null ? book.at(asOf.day()) : book, run.results()) : null;
    if (format == Common.Format.json) {
      ObjectNode o = CaseReport.json(run);
      if (cov != null) {
        o.set("coverage", CaseReport.coverageJson(cov));
      }
      cl.getOut().print(Json.write(o));
    } else {
      CaseReport.text(run, cl.getOut(), common.style());
      if (cov != null) {
        CaseReport.coverage(cov, cl.getOut(), common.style());
      }
    }
    cl.getOut().flush();
    if (junitXml != null) {
      var failed = OutputFile.write(junitXml, CaseReport.junitXml(run), "--junit-xml");
      if (failed.isPresent()) {
        common.printErrors(cl, Common.Format.text, "the JUnit report was not written", List.of(failed.get()));
        return ExitCode.BAD_INPUT;
      }
    }
    if (run.malformed()) {
      return ExitCode.BAD_INPUT;
    }
    if (run.results().stream().flatMap(r -> r.evaluation().errors().stream()).anyMatch(d -> !d.code().equals(Evaluator.INCOHERENT))) {
      return ExitCode.RULES;
    }
    if (run.results().stream().anyMatch(r -> !r.evaluation().errors().isEmpty())) {
      return ExitCode.BAD_INPUT; // a case holds terms that cannot exist together
    }
    if (run.failed() > 0) {
      return ExitCode.FAILED;
    }
    boolean requireRedLines = redLinesBothWays != null ? redLinesBothWays : paths == null || paths.isEmpty();
    if (requireRedLines) {
      List<String> missing = Coverage.of(book, run.results()).redLinesNotBothWays();
      if (!missing.isEmpty()) {
        cl.getErr().println("red lines not exercised both ways (broken by one case, satisfied by another): " + String.join(", ", missing));
        cl.getErr().flush();
        return ExitCode.FAILED;
      }
    }
    if (minCoverage != null && cov.percent() < minCoverage) {
      cl.getErr().println(String.format("coverage %.1f%% is below the minimum of %.1f%%", cov.percent(), minCoverage));
      cl.getErr().flush();
      return ExitCode.FAILED;
    }
    if (files.isEmpty()) {
      cl.getErr().println("no case files found");
      return ExitCode.BAD_INPUT;
    }
    return ExitCode.OK;
  }

  private Path defaultCases() {
    Path local = Path.of("cases");
    String home = System.getenv("REDLINE_HOME");
    if (!Files.isDirectory(local) && home != null && Files.isDirectory(Path.of(home, "cases"))) {
      return Path.of(home, "cases");
    }
    return local;
  }
}
