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
import redline.engine.RuleBook;
import redline.load.ProposalReader;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Location;
import redline.model.Proposal;
import redline.model.Vocabulary;
import redline.report.EvaluationReport;
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
      "2:bad input: a proposal file is malformed or names unknown terms",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class EvaluateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "proposal files (JSON); a folder stands for its *.json files")
  List<Path> files;

  /** The formats of the report; {@code table} is the table of {@code redline table}. */
  enum Format {
    text,
    json,
    table
  }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or table (default: ${DEFAULT-VALUE})")
  Format report;

  @Option(names = {"--detail", "--explain"}, description = "list every constraint of every party with its stance, not only those that decided the verdict")
  boolean detail;

  @Option(names = "--party", paramLabel = "CODE", split = ",", description = "only report these parties, e.g. --party RU,UA")
  List<String> parties = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    Common.Format format = report == Format.json ? Common.Format.json : Common.Format.text;
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
    for (Evaluation e : new Evaluator(book).evaluateAll(proposals)) {
      evaluations.add(wanted.isEmpty() ? e : new Evaluation(e.proposal(), e.parties().stream().filter(r -> wanted.contains(r.party().code())).toList(), e.errors()));
    }
    PrintWriter out = cl.getOut();
    if (report == Format.table) {
      redline.report.TableReport.text(redline.report.TableReport.of(evaluations), out, common.style());
    } else if (format == Common.Format.json) {
      ObjectNode root = Json.object();
      ArrayNode list = root.putArray("evaluations");
      evaluations.forEach(e -> list.add(EvaluationReport.json(e)));
      root.set("warnings", Json.diagnostics(problems));
      out.print(Json.write(root));
    } else {
      boolean first = true;
      for (Evaluation e : evaluations) {
        if (!first) {
          out.println();
          out.println("-".repeat(72));
          out.println();
        }
        first = false;
        EvaluationReport.text(e, out, common.style(), detail);
      }
    }
    out.flush();
    boolean failed = evaluations.stream().anyMatch(e -> !e.errors().isEmpty());
    return failed ? ExitCode.RULES : ExitCode.OK;
  }
}
