package redline.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import redline.engine.Evaluator;
import redline.engine.Outlook;
import redline.engine.RuleBook;
import redline.load.ProposalReader;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Location;
import redline.model.Proposal;
import redline.model.Verdict;
import redline.model.Vocabulary;
import redline.report.EvaluationReport;
import redline.report.OutlookReport;
import redline.report.Json;

/** {@code redline evaluate}: the per-party report of one or more proposals. */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluates proposals against every party's positions and red lines.",
      "For each party: REJECTS (a red line broken), OBJECTS (an objection broken),",
      "ACCEPTS, or UNDETERMINED (terms left open); for each constraint: SATISFIED,",
      "BROKEN or UNDETERMINED, with the terms that decided it and its sources."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:evaluated",
      "2:bad input: a proposal file is malformed, names unknown terms, or holds terms that cannot exist together",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "proposal files (JSON); a folder stands for its *.json files")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Common.Format format;

  @Option(names = "--party", paramLabel = "CODE", split = ",", description = "only report these parties, e.g. --party RU,UA")
  List<String> parties = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    RuleBook book = common.load(cl, format);
    if (book == null) {
      return ExitCode.RULES;
    }
    List<Diagnostic> problems = new ArrayList<>();
    Set<String> wanted = new LinkedHashSet<>();
    Vocabulary vocabulary = book.vocabulary();
    for (String p : parties) {
      if (book.parties().stream().noneMatch(x -> x.code().equals(p))) {
        problems.add(
            Diagnostic.error(
                "unknown-party",
                Location.of("--party"),
                "unknown party `" + p + "`",
                Vocabulary.didYouMean(p, vocabulary.parties().keySet()).isEmpty()
                    ? "parties: " + String.join(", ", book.parties().stream().map(x -> x.code()).toList())
                    : Vocabulary.didYouMean(p, vocabulary.parties().keySet())));
      }
      wanted.add(p);
    }
    ProposalReader reader = new ProposalReader(vocabulary);
    List<Proposal> proposals = new ArrayList<>();
    for (Path f : Inputs.expand(files)) {
      ProposalReader.Result r = reader.read(f, f.toString());
      problems.addAll(r.diagnostics());
      if (r.proposal() != null) {
        proposals.add(r.proposal());
      }
    }
    if (Diagnostic.anyError(problems)) {
      common.printErrors(cl, format, "no proposal was evaluated", problems);
      return ExitCode.BAD_INPUT;
    }
    List<Evaluation> evaluations = new ArrayList<>();
    List<Evaluator> evaluators = new ArrayList<>();
    for (Evaluation e : evaluateAll(book, proposals, evaluators)) {
      evaluations.add(wanted.isEmpty() ? e : e.withParties(e.parties().stream().filter(r -> wanted.contains(r.party().code())).toList()));
    }
    // what the open terms could do, for every undetermined party
    List<List<Outlook>> outlooks = new ArrayList<>();
    for (int i = 0; i < evaluations.size(); i++) {
      Evaluation e = evaluations.get(i);
      outlooks.add(e.withVerdict(Verdict.UNDETERMINED).isEmpty() ? List.of() : Outlook.of(evaluators.get(i), e));
    }
    PrintWriter out = cl.getOut();
    if (format == Common.Format.json) {
      ObjectNode root = Json.object();
      ArrayNode list = root.putArray("evaluations");
      for (int i = 0; i < evaluations.size(); i++) {
        list.add(OutlookReport.evaluationJson(evaluations.get(i), outlooks.get(i), vocabulary, evaluators.get(i).domains()));
      }
      root.set("warnings", Json.diagnostics(problems));
      out.print(Json.write(root));
    } else {
      for (int i = 0; i < evaluations.size(); i++) {
        if (i > 0) {
          out.println();
          out.println("-".repeat(72));
          out.println();
        }
        EvaluationReport.text(evaluations.get(i), out, common.style());
        OutlookReport.text(outlooks.get(i), vocabulary, evaluators.get(i).domains(), out, common.style());
      }
    }
    out.flush();
    boolean failed = evaluations.stream().anyMatch(e -> !e.errors().isEmpty());
    boolean ruleFailed =
        evaluations.stream().flatMap(e -> e.errors().stream()).anyMatch(d -> !d.code().equals(Evaluator.INCOHERENT));
    return ruleFailed ? ExitCode.RULES : failed ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  /**
   * Evaluates each proposal against the positions {@code --as-of} gives it, one session per day;
   * {@code evaluators} receives, per proposal, the evaluator of its positions.
   */
  private List<Evaluation> evaluateAll(RuleBook book, List<Proposal> proposals, List<Evaluator> evaluators) {
    java.util.Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
    java.util.Map<String, RuleBook> books = new java.util.HashMap<>();
    for (int i = 0; i < proposals.size(); i++) {
      RuleBook dated = common.positions(book, proposals.get(i));
      String key = dated.isLatest() ? "latest" : String.valueOf(dated.day());
      books.putIfAbsent(key, dated);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
    }
    Evaluation[] out = new Evaluation[proposals.size()];
    Evaluator[] by = new Evaluator[proposals.size()];
    groups.forEach(
        (key, members) -> {
          Evaluator evaluator = new Evaluator(books.get(key));
          List<Evaluation> es = evaluator.evaluateAll(members.stream().map(proposals::get).toList());
          for (int j = 0; j < members.size(); j++) {
            out[members.get(j)] = es.get(j);
            by[members.get(j)] = evaluator;
          }
        });
    evaluators.addAll(java.util.Arrays.asList(by));
    return java.util.Arrays.asList(out);
  }
}
