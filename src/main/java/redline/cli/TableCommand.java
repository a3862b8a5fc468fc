package redline.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
import redline.engine.RuleBook;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Proposal;
import redline.report.Json;
import redline.report.TableReport;

/** {@code redline table}: many drafts at once, one row each, one column per party. */
@Command(
    name = "table",
    mixinStandardHelpOptions = true,
    description = {
      "Tabulates many drafts at once: a row per draft, a column per party.",
      "Each cell is the verdict, with the constraint that decided it in a footnote;",
      "as text, Markdown, CSV or JSON. A folder stands for its cases."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:evaluated",
      "2:bad input: a proposal file is malformed or names unknown terms",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class TableCommand implements Callable<Integer> {
  /** The formats of the table. */
  enum Format {
    text,
    markdown,
    csv,
    json
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "proposal files (JSON); a folder stands for its cases")
  List<Path> paths;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, markdown, csv or json (default: ${DEFAULT-VALUE})")
  Format format;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    Common.Format errors = format == Format.json ? Common.Format.json : Common.Format.text;
    RuleBook book = common.load(cl, errors);
    if (book == null) {
      return ExitCode.RULES;
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<Proposal> proposals = Drafts.read(book.vocabulary(), paths, problems);
    if (Diagnostic.anyError(problems)) {
      common.printErrors(cl, errors, "no table was made", problems);
      return ExitCode.BAD_INPUT;
    }
    List<Evaluation> evaluations = new Evaluator(book).evaluateAll(proposals);
    TableReport.Table t = TableReport.of(evaluations);
    PrintWriter out = cl.getOut();
    switch (format) {
      case text -> TableReport.text(t, out, common.style());
      case markdown -> TableReport.markdown(t, out);
      case csv -> TableReport.csv(t, out);
      case json -> out.print(Json.write(TableReport.json(t)));
    }
    out.flush();
    return evaluations.stream().anyMatch(e -> !e.errors().isEmpty()) ? ExitCode.RULES : ExitCode.OK;
  }
}
