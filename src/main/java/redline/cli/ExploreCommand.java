package redline.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.explore.Exploration;
import redline.explore.Explorer;
import redline.explore.Problem;
import redline.load.ProposalReader;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Party;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.TermValue;
import redline.model.Vocabulary;
import redline.report.ExploreProgress;
import redline.report.ExploreReport;
import redline.report.Json;

/** {@code redline explore}: is there a package no party rejects, and if not, what would have to move. */
@Command(
    name = "explore",
    mixinStandardHelpOptions = true,
    description = {
      "Searches every possible proposal, exactly, for a package that no party rejects.",
      "Over every combination of the vocabulary's options, it finds the proposals that break",
      "no party's red line (the zone of possible agreement): how many there are, the Pareto front",
      "over the parties' preference scores, and the proposal best for the worst-off party.",
      "When there are none: the minimal sets of red lines whose relaxation would open the zone."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:explored (whether or not the zone is empty)",
      "2:bad input: an unknown party or term, or a bad --fix",
      "3:the rules failed to load or to run",
      "4:internal error"
    })
final class ExploreCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Option(names = "--fix", paramLabel = "TERM=VALUE", description = {
      "a term already settled, e.g. --fix nato_accession=RENOUNCED; a set term takes",
      "options separated by commas (--fix security_guarantee=NATO_ART5,VAGUE_ONLY or =[]),",
      "a number term a number or NONE; repeatable"})
  List<String> fixes = new ArrayList<>();

  @Option(names = "--parties", paramLabel = "CODE", split = ",", description = "only consider these parties, e.g. --parties RU,UA (default: all)")
  List<String> parties = new ArrayList<>();

  @Option(names = "--objections", description = "count objections as red lines too")
  boolean objections;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "show at most N front points and relaxations (default: ${DEFAULT-VALUE})")
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
    List<Diagnostic> problems = new ArrayList<>(checkParties(book, parties));
    Map<String, TermValue> fixed = parseFixes(book.vocabulary(), fixes, problems);
    if (Diagnostic.anyError(problems)) {
      common.printErrors(cl, format, "nothing was explored", problems);
      return ExitCode.BAD_INPUT;
    }
    RuleBook dated = common.positions(book, null);
    redline.model.Positions positions = new Evaluator(dated).positions();
    Problem problem = Problem.of(dated, new LinkedHashSet<>(parties), objections);
    return guarded(
        cl,
        progress -> {
          Exploration x = Explorer.explore(new Evaluator(dated), problem, fixed, limit, progress);
          progress.done();
          if (format == Common.Format.json) {
            cl.getOut().print(Json.write(ExploreReport.json(x).set("positions", Json.positions(positions))));
          } else {
            cl.getOut().println(common.style().dim("Judged against the " + positions.describe() + "."));
            ExploreReport.text(x, book.vocabulary().terms().size(), cl.getOut(), common.style());
          }
          cl.getOut().flush();
          return x.errors().isEmpty() ? ExitCode.OK : ExitCode.RULES;
        });
  }

  /**
   * Runs {@code work} (a search and the printing of its report) with a progress bar; on Ctrl-C
   * the search stops, and the process exits once the report of what was found is printed.
   */
  static int guarded(CommandLine cl, Function<ExploreProgress, Integer> work) {
    ExploreProgress progress = new ExploreProgress(cl.getErr(), System.console() != null);
    CountDownLatch printed = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              progress.cancel();
              try {
                printed.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "redline-ctrl-c");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      // already shutting down: run without the hook
    }
    try {
      return work.apply(progress);
    } finally {
      printed.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down on Ctrl-C: the hook returns now that the report is printed
      }
    }
  }

  /** Errors for the party codes that name no party with rules. */
  static List<Diagnostic> checkParties(RuleBook book, List<String> codes) {
    List<Diagnostic> out = new ArrayList<>();
    List<String> known = book.parties().stream().map(Party::code).toList();
    for (String p : codes) {
      if (!known.contains(p)) {
        String hint = Vocabulary.didYouMean(p, known);
        out.add(
            Diagnostic.error(
                "unknown-party",
                Location.of("--parties"),
                "unknown party `" + p + "`",
                hint.isEmpty() ? "parties: " + String.join(", ", known) : hint));
      }
    }
    return out;
  }

  /** The values of {@code --fix term=value}, read as a proposal file would be. */
  static Map<String, TermValue> parseFixes(Vocabulary vocabulary, List<String> fixes, List<Diagnostic> problems) {
    Map<String, TermValue> out = new LinkedHashMap<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String fix : fixes) {
      int eq = fix.indexOf('=');
      if (eq <= 0) {
        problems.add(Diagnostic.error("bad-fix", Location.of("--fix"), "`" + fix + "` is not TERM=VALUE", "e.g. --fix nato_accession=RENOUNCED"));
        continue;
      }
      String term = fix.substring(0, eq).trim();
      String value = fix.substring(eq + 1).trim();
      Term t = vocabulary.terms().get(term);
      if (t == null) {
        String hint = Vocabulary.didYouMean(term, vocabulary.terms().keySet());
        problems.add(Diagnostic.error("unknown-term", Location.of("--fix"), "unknown term `" + term + "`", hint.isEmpty() ? "redline schema lists the terms" : hint));
        continue;
      }
      if (!seen.add(term)) {
        problems.add(Diagnostic.error("bad-fix", Location.of("--fix"), "term `" + term + "` is fixed twice"));
        continue;
      }
      String json;
      if (t.kind() == TermKind.SET) {
        String inner = value.startsWith("[") && value.endsWith("]") ? value.substring(1, value.length() - 1) : value;
        List<String> items = new ArrayList<>();
        for (String item : inner.split(",")) {
          if (!item.isBlank()) {
            items.add(Json.write(item.trim()).trim());
          }
        }
        json = "[" + String.join(",", items) + "]";
      } else if (t.kind() == TermKind.NUMBER && value.matches("-?[0-9][0-9_]*")) {
        json = value.replace("_", "");
      } else {
        json = Json.write(value).trim();
      }
      String doc = "{\"terms\": {" + Json.write(term).trim() + ": " + json + "}}";
      ProposalReader.Result r = new ProposalReader(vocabulary).read(doc.getBytes(StandardCharsets.UTF_8), "--fix " + fix);
      // the value was read through a small proposal document: point at the option, not into it
      r.diagnostics().forEach(d -> problems.add(new Diagnostic(d.severity(), d.code(), Location.of("--fix " + fix), d.message(), d.hint())));
      if (r.proposal() != null) {
        out.putAll(r.proposal().terms());
      }
    }
    return out;
  }
}
