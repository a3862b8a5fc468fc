package redline.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.explore.Compromise;
import redline.explore.Nearest;
import redline.analysis.Space;
import redline.explore.Problem;
import redline.explore.Suggestions;
import redline.load.ProposalReader;
import redline.model.Diagnostic;
import redline.report.Json;
import redline.report.NearestReport;

/** {@code redline nearest}: the smallest changes to a draft after which no party rejects it. */
@Command(
    name = "nearest",
    mixinStandardHelpOptions = true,
    description = {
      "Finds the smallest changes to a draft after which no party rejects it.",
      "Suggestions are the smallest sets of term changes after which no party rejects,",
      "ranked by the number of changes, then by the preference score the parties lose;",
      "each says which constraints it fixes and which preferences it costs, per party,",
      "and each is re-evaluated by the engine before it is printed. Terms the draft",
      "leaves open stay open, except those a red line reads: every suggestion settles them.",
      "When no version keeps every party, the best compromise is shown instead: the",
      "versions that lose the fewest parties, then break the fewest red lines, then",
      "change the fewest terms, then lose the least preference score."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:suggestions found (or none needed), or, when none keeps every party, the best compromise",
      "1:no version within --max-changes keeps even one party",
      "2:bad input: a malformed proposal, an unknown party, terms that cannot exist together",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class NearestCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(index = "0", paramLabel = "FILE", description = "the draft proposal (JSON)")
  Path file;

  @Option(names = "--parties", paramLabel = "CODE", split = ",", description = "only these parties must not reject, e.g. --parties RU,UA (default: all)")
  List<String> parties = new ArrayList<>();

  @Option(names = "--max-changes", paramLabel = "K", defaultValue = "3", description = "change at most K terms (default: ${DEFAULT-VALUE})")
  int maxChanges;

  @Option(names = "--objections", description = "count objections as red lines too: no party may object either")
  boolean objections;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "show at most N suggestions (default: ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Common.Format format;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    if (limit < 1) {
      throw new CommandLine.ParameterException(cl, "`--limit` must be a whole number of 1 or more, not `" + limit + "`");
    }
    RuleBook book = common.load(cl, format);
    if (book == null) {
      return ExitCode.RULES;
    }
    List<Diagnostic> problems = new ArrayList<>(ExploreCommand.checkParties(book, parties));
    ProposalReader.Result read = new ProposalReader(book.vocabulary()).read(file, file.toString());
    problems.addAll(read.diagnostics());
    if (maxChanges < 0) {
      problems.add(Diagnostic.error("bad-option", redline.model.Location.of("--max-changes"), "`--max-changes` must be 0 or more, not `" + maxChanges + "`"));
    }
    if (Diagnostic.anyError(problems)) {
      common.printErrors(cl, format, "no suggestion was searched for", problems);
      return ExitCode.BAD_INPUT;
    }
    RuleBook dated = common.positions(book, read.proposal());
    redline.model.Positions positions = new Evaluator(dated).positions();
    Problem problem = Problem.of(dated, new LinkedHashSet<>(parties), objections);
    return ExploreCommand.guarded(
        cl,
        progress -> {
          Evaluator evaluator = new Evaluator(dated);
          Space space = Nearest.spaceFor(evaluator, read.proposal());
          Suggestions x = Nearest.search(evaluator, space, problem, read.proposal(), maxChanges, limit, progress);
          // when no version keeps every party, the best compromise: the fewest parties lost
          Compromise compromise =
              x.suggestions().isEmpty() && x.errors().isEmpty() && !x.partial() && problem.parties().size() > 1
                  ? Compromise.search(evaluator, space, problem, read.proposal(), maxChanges, limit, progress)
                  : null;
          progress.done();
          if (format == Common.Format.json) {
            cl.getOut().print(Json.write(NearestReport.json(x, compromise).set("positions", Json.positions(positions))));
          } else {
            cl.getOut().println(common.style().dim("Judged against the " + positions.describe() + "."));
            NearestReport.text(x, compromise, cl.getOut(), common.style());
          }
          cl.getOut().flush();
          if (x.errors().stream().anyMatch(d -> !d.code().equals(Evaluator.INCOHERENT))) {
            return ExitCode.RULES;
          }
          if (!x.errors().isEmpty()) {
            return ExitCode.BAD_INPUT;
          }
          boolean answered = !x.suggestions().isEmpty() || (compromise != null && compromise.found());
          return answered ? ExitCode.OK : ExitCode.FAILED;
        });
  }
}
