package redline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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
import redline.explore.Nearest;
import redline.explore.Problem;
import redline.explore.Progress;
import redline.explore.Suggestions;
import redline.engine.RuleBook;
import redline.load.SourceLinks;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Proposal;
import redline.report.BriefReport;

/** {@code redline brief}: a one-page briefing on one or more drafts, as HTML or Markdown. */
@Command(
    name = "brief",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a one-page briefing on drafts, to hand to a minister.",
      "A traffic-light table of drafts and parties, the reasons for each verdict, the date",
      "of the positions used and the sources cited with links; HTML (self-contained,",
      "printable on A4) or Markdown."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:bad input: a proposal file is malformed or names unknown terms",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class BriefCommand implements Callable<Integer> {
  /** The formats of the briefing. */
  enum Format {
    html,
    markdown
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "proposal files (JSON); a folder stands for its cases")
  List<Path> paths;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write the briefing here (default: standard output)")
  Path output;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "html", description = "html or markdown (default: ${DEFAULT-VALUE})")
  Format format;

  @Option(names = "--max-changes", paramLabel = "K", defaultValue = "3", description = "look for the nearest version no party rejects within K changes; 0: do not look (default: ${DEFAULT-VALUE})")
  int maxChanges;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    RuleBook book = common.load(cl, Common.Format.text);
    if (book == null) {
      return ExitCode.RULES;
    }
    List<Diagnostic> problems = new ArrayList<>();
    List<Proposal> proposals = Drafts.read(book.vocabulary(), paths, problems);
    Path rules = common.rulesDir();
    SourceLinks.Result links = SourceLinks.read(rules, rules + "/" + SourceLinks.FILE);
    problems.addAll(links.diagnostics());
    if (Diagnostic.anyError(problems)) {
      common.printErrors(cl, Common.Format.text, "no briefing was written", problems);
      return ExitCode.BAD_INPUT;
    }
    Evaluator evaluator = new Evaluator(book);
    List<Evaluation> evaluations = evaluator.evaluateAll(proposals);
    List<Suggestions> nearest = new ArrayList<>();
    Problem all = Problem.of(book, new java.util.LinkedHashSet<>(), false);
    if (maxChanges > 0) {
      // one decided space holding every draft's values serves every search
      java.util.Map<String, List<redline.model.TermValue>> extra = new java.util.LinkedHashMap<>();
      proposals.forEach(p -> p.terms().forEach((t, v) -> {
        List<redline.model.TermValue> vs = extra.computeIfAbsent(t, k -> new ArrayList<>());
        if (!vs.contains(v)) {
          vs.add(v);
        }
      }));
      redline.analysis.Space space = redline.analysis.Space.of(evaluator, extra);
      for (Proposal p : proposals) {
        nearest.add(Nearest.search(evaluator, space, all, p, maxChanges, 1, Progress.NONE));
      }
    } else {
      proposals.forEach(p -> nearest.add(null));
    }
    // what the open terms could do, for every undetermined party of every draft
    List<java.util.Map<String, List<String>>> outlooks = new java.util.ArrayList<>();
    for (Evaluation e : evaluations) {
      outlooks.add(
          e.withVerdict(redline.model.Verdict.UNDETERMINED).isEmpty()
              ? java.util.Map.of()
              : redline.report.OutlookReport.byParty(redline.engine.Outlook.of(evaluator, e), book.vocabulary(), evaluator.domains()));
    }
    BriefReport.Page page = BriefReport.page(evaluations, nearest, outlooks, book.constraints(), book.sources(), links.links());
    String text;
    if (format == Format.html) {
      text = BriefReport.html(page);
    } else {
      StringWriter w = new StringWriter();
      BriefReport.markdown(page, new PrintWriter(w));
      text = w.toString();
    }
    if (output == null) {
      cl.getOut().print(text);
      cl.getOut().flush();
    } else {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      cl.getErr().println("wrote " + output + " (" + proposals.size() + (proposals.size() == 1 ? " draft)" : " drafts)"));
      cl.getErr().flush();
    }
    return evaluations.stream().anyMatch(e -> !e.errors().isEmpty()) ? ExitCode.RULES : ExitCode.OK;
  }
}
