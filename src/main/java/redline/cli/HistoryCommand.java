package redline.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redline.engine.RuleBook;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Vocabulary;
import redline.report.HistoryReport;
import redline.report.Json;

/** {@code redline history}: how each party's stance on each term moved over time. */
@Command(
    name = "history",
    mixinStandardHelpOptions = true,
    description = {
      "Shows how each party's stances moved over time: per party and term, every period,",
      "its label (red line, objection, preference), the stance in words, its sources and evidence.",
      "With --as-of DATE, the history up to that day; the stances in force on it are marked *."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:shown", "2:bad command line: unknown party or term", "3:the rules failed to load", "4:internal error"})
final class HistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Option(names = "--party", paramLabel = "CODE", description = "only this party, e.g. --party UA")
  String party;

  @Option(names = "--term", paramLabel = "TERM", description = "only this term, e.g. --term army_cap")
  String term;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Common.Format format;

  @Override
  public Integer call() {
    CommandLine cl = spec.commandLine();
    RuleBook book = common.load(cl, format);
    if (book == null) {
      return ExitCode.RULES;
    }
    List<Diagnostic> problems = new ArrayList<>();
    Vocabulary v = book.vocabulary();
    if (party != null && !v.parties().containsKey(party)) {
      String hint = Vocabulary.didYouMean(party, v.parties().keySet());
      problems.add(Diagnostic.error("unknown-party", Location.of("--party"), "unknown party `" + party + "`", hint.isEmpty() ? "parties: " + String.join(", ", v.parties().keySet()) : hint));
    }
    if (term != null && !v.terms().containsKey(term)) {
      String hint = Vocabulary.didYouMean(term, v.terms().keySet());
      problems.add(Diagnostic.error("unknown-term", Location.of("--term"), "unknown term `" + term + "`", hint.isEmpty() ? "see rules/vocabulary.yaml for the terms" : hint));
    }
    if (!problems.isEmpty()) {
      common.printErrors(cl, format, "no history was shown", problems);
      return ExitCode.BAD_INPUT;
    }
    Common.AsOf asOf = common.asOf();
    if (asOf.proposal()) {
      throw new CommandLine.ParameterException(cl, "history has no proposal: give --as-of a date or `latest`");
    }
    RuleBook dated = asOf.day() == null ? book : book.at(asOf.day());
    List<HistoryReport.Line> lines = HistoryReport.lines(dated, party, term);
    if (format == Common.Format.json) {
      cl.getOut().print(Json.write(HistoryReport.json(lines, new redline.model.Positions(dated.day(), dated.isLatest()))));
    } else {
      HistoryReport.text(lines, new redline.model.Positions(dated.day(), dated.isLatest()), cl.getOut(), common.style());
    }
    cl.getOut().flush();
    return ExitCode.OK;
  }
}
