package redline.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import redline.check.CheckReport;
import redline.check.Checker;
import redline.engine.RuleBook;
import redline.report.CheckReportRenderer;
import redline.report.Json;
import redline.report.SarifReport;

/** {@code redline check}: static consistency of the rule files, and where the parties' red lines collide. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the rule files for consistency and maps where the parties' red lines collide.",
      "It checks that the files compile; every constraint has complete metadata;",
      "every term and option a rule names exists, and every term is used; every",
      "constraint can be broken and satisfied; no party repeats or contradicts itself.",
      "Then maps, by term, the red lines of different parties that no proposal can",
      "satisfy together. The analysis is exact: Drools decides every constraint over",
      "all values of the terms it reads, numbers at the bounds the rules compare with."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings and the conflict map are information)",
      "2:bad command line",
      "3:the rules have errors",
      "4:internal error"
    })
final class CheckCommand implements Callable<Integer> {
  /** Output formats of {@code check}. */
  enum Format {
    text,
    json,
    sarif
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RULES_DIR",
      description = "the rules folder to check (default: --rules, else ./rules, else the rules of this installation)")
  Path dir;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(
      names = "--max-errors",
      paramLabel = "N",
      defaultValue = "50",
      description = "show at most N diagnostics in the text report, errors first; 0 shows all (default: ${DEFAULT-VALUE})")
  int maxErrors;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (maxErrors < 0) {
      throw new CommandLine.ParameterException(cl, "--max-errors must be 0 or more, not " + maxErrors);
    }
    Path rules = dir != null ? dir : common.rulesDir();
    Common.AsOf asOf = common.asOf();
    if (asOf.proposal()) {
      throw new CommandLine.ParameterException(cl, "check has no proposal: give --as-of a date or `latest`");
    }
    RuleBook.Prepared prefetched = Prefetch.take(rules, Common.cacheDir());
    CheckReport report =
        prefetched != null
            ? Checker.standard().check(rules, rules.toString(), asOf.day(), Common.cacheDir(), prefetched)
            : Checker.standard().check(rules, rules.toString(), asOf.day(), Common.cacheDir());
    PrintWriter out = cl.getOut();
    switch (format) {
      case json -> out.print(Json.write(CheckReportRenderer.json(report)));
      case sarif -> out.print(Json.write(SarifReport.sarif(report, version())));
      case text -> CheckReportRenderer.text(report, out, common.style(), maxErrors);
    }
    out.flush();
    if (report.hasErrors()) {
      return ExitCode.RULES;
    }
    if (common.warningsAsErrors && report.diagnostics().stream().anyMatch(d -> d.severity() == redline.model.Severity.WARNING)) {
      cl.getErr().println("the rules have warnings, and --warnings-as-errors is given");
      cl.getErr().flush();
      return ExitCode.RULES;
    }
    return ExitCode.OK;
  }

  private static String version() {
    String v = CheckCommand.class.getPackage() == null ? null : CheckCommand.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }
}
