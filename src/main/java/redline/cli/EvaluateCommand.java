package redline.cli;

import com.fasterxml.jackson.core.JsonGenerator;
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
  /** How many proposals are evaluated and written at a time. */
  static final int CHUNK = 1024;

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
    for (Path f : Inputs.expand(files, problems)) {
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
    // Proposals are evaluated and written a chunk at a time, so a large batch never holds
    // every evaluation (or its JSON) in memory at once.
    // one evaluator per date of positions, kept across chunks
    java.util.Map<String, Evaluator> byDay = new java.util.HashMap<>();
    PrintWriter out = cl.getOut();
    boolean failed = false;
    boolean ruleFailed = false;
    JsonGenerator json = format == Common.Format.json ? Json.generator(out) : null;
    if (json != null) {
      json.writeStartObject();
      json.writeFieldName("evaluations");
      json.writeStartArray();
    }
    boolean first = true;
    List<Evaluation> rows = new ArrayList<>(); // the table needs every row before it prints
    for (int from = 0; from < proposals.size(); from += CHUNK) {
      List<Proposal> chunk = proposals.subList(from, Math.min(proposals.size(), from + CHUNK));
      List<Evaluator> evaluators = new ArrayList<>();
      List<Evaluation> evaluated = evaluateAll(book, chunk, evaluators, byDay);
      for (int k = 0; k < evaluated.size(); k++) {
        Evaluation e = evaluated.get(k);
        Evaluator evaluator = evaluators.get(k);
        if (!wanted.isEmpty()) {
          e = e.withParties(e.parties().stream().filter(r -> wanted.contains(r.party().code())).toList());
        }
        failed |= !e.errors().isEmpty();
        ruleFailed |= e.errors().stream().anyMatch(d -> !d.code().equals(Evaluator.INCOHERENT));
        // what the open terms could do, for every undetermined party
        List<Outlook> outlooks = e.withVerdict(Verdict.UNDETERMINED).isEmpty() ? List.of() : Outlook.of(evaluator, e);
        if (report == Format.table) {
          rows.add(e);
        } else if (json != null) {
          json.writeTree(OutlookReport.evaluationJson(e, outlooks, vocabulary, evaluator.domains()));
        } else {
          if (!first) {
            out.println();
            out.println("-".repeat(72));
            out.println();
          }
          EvaluationReport.text(e, out, common.style(), detail, OutlookReport.byParty(outlooks, vocabulary, evaluator.domains()));
        }
        first = false;
      }
      if (json != null) {
        json.flush();
      }
      if (out.checkError()) {
        break; // the reader went away (`| head`) or the disk is full: Main reports it
      }
    }
    if (report == Format.table) {
      redline.report.TableReport.text(redline.report.TableReport.of(rows), out, common.style());
    }
    if (json != null) {
      json.writeEndArray();
      json.writeFieldName("warnings");
      json.writeTree(Json.diagnostics(problems));
      json.writeEndObject();
      json.flush();
      out.print("\n");
    }
    out.flush();
    // terms that cannot exist together are bad input; a rule that failed is the rules' fault
    return ruleFailed ? ExitCode.RULES : failed ? ExitCode.BAD_INPUT : ExitCode.OK;
  }

  /**
   * Evaluates each proposal against the positions {@code --as-of} gives it, one session per day;
   * {@code evaluators} receives, per proposal, the evaluator of its positions.
   */
  /**
   * Evaluates {@code proposals}, each by the positions {@code --as-of} gives it, one evaluator per
   * date (kept in {@code byDay}); {@code evaluators} receives the evaluator of each proposal.
   */
  private List<Evaluation> evaluateAll(RuleBook book, List<Proposal> proposals, List<Evaluator> evaluators, java.util.Map<String, Evaluator> byDay) {
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
          Evaluator evaluator = byDay.computeIfAbsent(key, k -> new Evaluator(books.get(k)));
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
