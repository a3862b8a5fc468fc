package redline.cli;

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
import redline.compare.Comparison;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.load.ProposalReader;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Proposal;
import redline.report.CompareReport;
import redline.report.Json;

/** {@code redline compare BASE DRAFT}: what moved between two drafts. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares a draft with a base draft: what moved, and which way.",
      "Shows the terms that differ, whose verdict moved and which way, the constraints",
      "that flipped (with their titles) and each party's change of preference score."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:compared",
      "2:bad input: a proposal file is malformed or names unknown terms",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class CompareCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(index = "0", paramLabel = "BASE", description = "the draft compared against (JSON)")
  Path base;

  @Parameters(index = "1", paramLabel = "DRAFT", description = "the changed draft (JSON)")
  Path draft;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Common.Format format;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    RuleBook book = common.load(cl, format);
    if (book == null) {
      return ExitCode.RULES;
    }
    ProposalReader reader = new ProposalReader(book.vocabulary());
    List<Diagnostic> problems = new ArrayList<>();
    List<Proposal> proposals = new ArrayList<>();
    for (Path f : List.of(base, draft)) {
      ProposalReader.Result r = reader.read(f, f.toString());
      problems.addAll(r.diagnostics());
      if (r.proposal() != null) {
        proposals.add(r.proposal());
      }
    }
    if (Diagnostic.anyError(problems) || proposals.size() != 2) {
      common.printErrors(cl, format, "the drafts were not compared", problems);
      return ExitCode.BAD_INPUT;
    }
    List<Evaluation> e = new Evaluator(book).evaluateAll(proposals);
    List<Diagnostic> errors = new ArrayList<>(e.get(0).errors());
    errors.addAll(e.get(1).errors());
    if (!errors.isEmpty()) {
      common.printErrors(cl, format, "the rules failed while running", errors);
      return ExitCode.RULES;
    }
    Comparison c = Comparison.of(e.get(0), e.get(1));
    PrintWriter out = cl.getOut();
    if (format == Common.Format.json) {
      out.print(Json.write(CompareReport.json(c)));
    } else {
      CompareReport.text(c, out, common.style());
    }
    out.flush();
    return ExitCode.OK;
  }
}
