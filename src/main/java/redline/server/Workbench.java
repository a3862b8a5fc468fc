package redline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import redline.engine.Evaluator;
import redline.engine.Outlook;
import redline.engine.RuleBook;
import redline.explore.Nearest;
import redline.explore.Problem;
import redline.explore.Progress;
import redline.explore.Suggestions;
import redline.load.Node;
import redline.load.ProposalReader;
import redline.load.TreeReader;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Location;
import redline.model.Proposal;
import redline.model.Verdict;
import redline.model.Vocabulary;
import redline.report.EvaluationReport;
import redline.report.OutlookReport;
import redline.report.Json;
import redline.report.NearestReport;
import redline.report.VocabularyReport;

/**
 * What the workbench answers, without HTTP: the vocabulary, the cases read at start, and the
 * evaluation, nearest suggestions and comparison of proposals sent as JSON. Every answer is a
 * status and a JSON body of the same shape as the command line's {@code --format json}; bad
 * input gives the command line's diagnostics with a 4xx status. The rules and the cases are read
 * once, when the workbench opens; no request names a file. Thread-safe: one shared
 * {@link Evaluator}.
 */
public final class Workbench {
  /** How long one evaluation may run. */
  static final Duration EVALUATION_TIME = Duration.ofSeconds(10);

  /** How long one nearest search may run before it stops and answers with what it found (partial). */
  static final Duration SEARCH_TIME = Duration.ofSeconds(8);

  /** The most changes a nearest request may ask for. */
  static final int MAX_CHANGES = 6;

  /** The most suggestions a nearest request may ask for. */
  static final int MAX_LIMIT = 50;

  /** A status and a JSON body. */
  public record Reply(int status, JsonNode body) {}

  /** One case: its id (the file name without {@code .json}), its file as read and its proposal. */
  record Case(String id, String file, Proposal proposal, String notes) {}

  private final RuleBook book;
  private final Evaluator evaluator;
  /** One evaluator per day of positions asked for ({@code ?asOf=}), made on first use. */
  private final Map<java.time.LocalDate, Evaluator> byDay = new java.util.concurrent.ConcurrentHashMap<>();
  private final ProposalReader reader;
  private final Map<String, Case> cases;
  private final List<Diagnostic> caseProblems;
  private final ObjectNode vocabularyJson;

  private Workbench(RuleBook book, Map<String, Case> cases, List<Diagnostic> caseProblems) {
    this.book = book;
    this.evaluator = new Evaluator(book, EVALUATION_TIME);
    this.reader = new ProposalReader(book.vocabulary());
    this.cases = Collections.unmodifiableMap(new LinkedHashMap<>(cases));
    this.caseProblems = List.copyOf(caseProblems);
    this.vocabularyJson = VocabularyReport.json(book.vocabulary(), VocabularyReport.codes(book.parties()), book.sources());
    // the days on which the positions change: the page offers them for ?asOf=
    ObjectNode positions = vocabularyJson.putObject("positions");
    positions.put("latest", book.latest().day() == null ? "" : book.latest().day().toString());
    com.fasterxml.jackson.databind.node.ArrayNode days = positions.putArray("changes");
    book.changeDates().forEach(d -> days.add(d.toString()));
  }

  /**
   * The evaluator of the positions of {@code asOf} (a yyyy-mm-dd day; absent, empty or
   * {@code latest}: the latest positions); a bad day is a problem at {@code ?asOf}.
   */
  Evaluator evaluatorFor(String asOf, List<Diagnostic> problems) {
    if (asOf == null || asOf.isBlank() || asOf.equals("latest")) {
      return evaluator;
    }
    java.util.Optional<java.time.LocalDate> day = redline.load.Dates.parse(asOf.trim());
    if (day.isEmpty()) {
      problems.add(
          Diagnostic.error("bad-option", Location.of("?asOf"), "`asOf` must be a day written yyyy-mm-dd, or `latest`, not `" + asOf + "`", "write " + redline.load.Dates.expected()));
      return evaluator;
    }
    return byDay.computeIfAbsent(day.get(), d -> new Evaluator(book.at(d), EVALUATION_TIME));
  }

  /**
   * A workbench over {@code book} and the case files ({@code *.json}) directly in {@code casesDir}
   * (none when null or missing), named in diagnostics after {@code casesShown}. A case file that
   * does not read is left out and reported in {@link #caseProblems()}.
   */
  public static Workbench open(RuleBook book, Path casesDir, String casesShown) {
    Map<String, Case> cases = new LinkedHashMap<>();
    List<Diagnostic> problems = new ArrayList<>();
    if (casesDir != null && Files.isDirectory(casesDir)) {
      List<Path> files;
      try (Stream<Path> s = Files.list(casesDir)) {
        files = s.filter(f -> f.getFileName().toString().endsWith(".json")).filter(Files::isRegularFile).sorted().toList();
      } catch (IOException e) {
        files = List.of();
        problems.add(Diagnostic.error("unreadable-file", Location.of(casesShown), "cannot list the cases in `" + casesShown + "`: " + e.getMessage()));
      }
      ProposalReader reader = new ProposalReader(book.vocabulary());
      for (Path f : files) {
        String name = f.getFileName().toString();
        String shown = casesShown.endsWith("/") ? casesShown + name : casesShown + "/" + name;
        ProposalReader.Result r = reader.read(f, shown);
        problems.addAll(r.diagnostics());
        if (r.proposal() != null) {
          String id = name.substring(0, name.length() - ".json".length());
          Node notes = r.root().fields().get("notes");
          cases.put(id, new Case(id, shown, r.proposal(), notes != null && notes.is(Node.Type.STRING) ? notes.text() : ""));
        }
      }
    }
    return new Workbench(book, cases, problems);
  }

  /** The rules this workbench evaluates with. */
  public RuleBook ruleBook() {
    return book;
  }

  /** The problems met reading the case files (those files are left out). */
  public List<Diagnostic> caseProblems() {
    return caseProblems;
  }

  /** The ids of the cases, sorted. */
  public Set<String> caseIds() {
    return cases.keySet();
  }

  /** {@code GET /api/vocabulary}. */
  public Reply vocabulary() {
    return new Reply(200, vocabularyJson);
  }

  /** {@code GET /api/cases}: every case's id, title, file, date and sources. */
  public Reply cases() {
    ObjectNode o = Json.object();
    ArrayNode list = o.putArray("cases");
    for (Case c : cases.values()) {
      ObjectNode co = list.addObject();
      co.put("id", c.id());
      co.put("title", c.proposal().title());
      co.put("file", c.file());
      co.put("asOf", c.proposal().asOf());
      co.set("sources", Json.strings(c.proposal().sources()));
      co.put("termsSet", c.proposal().terms().size());
    }
    o.set("problems", Json.diagnostics(caseProblems));
    return new Reply(200, o);
  }

  /** {@code GET /api/cases/{id}}: the case as a proposal file (without its expectations). */
  public Reply caseFile(String id) {
    Case c = id == null ? null : cases.get(id);
    if (c == null) {
      String hint = Vocabulary.didYouMean(id == null ? "" : id, cases.keySet());
      return error(404, "no such case", List.of(Diagnostic.error("unknown-case", Location.of("/api/cases/" + id), "no case `" + id + "`", hint.isEmpty() ? "GET /api/cases lists the cases" : hint)));
    }
    Proposal p = c.proposal();
    ObjectNode o = Json.object();
    o.put("id", p.id());
    o.put("title", p.title());
    o.set("sources", Json.strings(p.sources()));
    if (!p.asOf().isEmpty()) {
      o.put("asOf", p.asOf());
    }
    if (!c.notes().isEmpty()) {
      o.put("notes", c.notes());
    }
    ObjectNode terms = o.putObject("terms");
    p.terms().forEach((t, v) -> Json.putValue(terms, t, v));
    return new Reply(200, o);
  }

  /** {@code POST /api/evaluate}: the body is a proposal file; the reply is {@code evaluate --format json}. */
  public Reply evaluate(byte[] body) {
    return evaluate(body, null);
  }

  /** As above, by the positions of {@code asOf} ({@code ?asOf=}; null for the latest). */
  public Reply evaluate(byte[] body, String asOf) {
    List<Diagnostic> problems = new ArrayList<>();
    Evaluator evaluator = evaluatorFor(asOf, problems);
    ProposalReader.Result r = reader.read(body, "proposal");
    problems.addAll(r.diagnostics());
    if (r.proposal() == null || Diagnostic.anyError(problems)) {
      return bad("no proposal was evaluated", problems, r.root() == null);
    }
    Evaluation e = evaluator.evaluate(r.proposal());
    List<Outlook> outlooks = e.withVerdict(Verdict.UNDETERMINED).isEmpty() ? List.of() : Outlook.of(evaluator, e);
    ObjectNode o = Json.object();
    o.putArray("evaluations").add(OutlookReport.evaluationJson(e, outlooks, book.vocabulary(), evaluator.domains()));
    o.set("warnings", Json.diagnostics(r.diagnostics()));
    // terms that cannot exist together are the draft's mistake (422); a rule that failed is ours (500)
    boolean impossible = !e.errors().isEmpty() && e.errors().stream().allMatch(d -> d.code().equals(Evaluator.INCOHERENT));
    return new Reply(e.errors().isEmpty() ? 200 : impossible ? 422 : 500, o);
  }

  /** The options of a nearest search, as given in the query string. */
  public record NearestOptions(List<String> parties, String maxChanges, String objections, String limit, String asOf) {
    public NearestOptions {
      parties = List.copyOf(parties);
    }

    /** The options without a day of positions: the latest. */
    public NearestOptions(List<String> parties, String maxChanges, String objections, String limit) {
      this(parties, maxChanges, objections, limit, null);
    }
  }

  /** {@code POST /api/nearest}: the body is the draft; the reply is {@code nearest --format json}. */
  public Reply nearest(byte[] body, NearestOptions options) {
    List<Diagnostic> problems = new ArrayList<>();
    Evaluator evaluator = evaluatorFor(options.asOf(), problems);
    RuleBook book = evaluator.ruleBook();
    Set<String> parties = new LinkedHashSet<>();
    Set<String> known = VocabularyReport.codes(book.parties());
    for (String p : options.parties()) {
      if (p.isBlank()) {
        continue;
      }
      if (!known.contains(p)) {
        String hint = Vocabulary.didYouMean(p, known);
        problems.add(Diagnostic.error("unknown-party", Location.of("?parties"), "unknown party `" + p + "`", hint.isEmpty() ? "parties: " + String.join(", ", known) : hint));
      }
      parties.add(p);
    }
    int maxChanges = number(options.maxChanges(), "maxChanges", 3, 0, MAX_CHANGES, problems);
    int limit = number(options.limit(), "limit", 10, 1, MAX_LIMIT, problems);
    boolean objections = false;
    if (options.objections() != null && !options.objections().isEmpty()) {
      if (options.objections().equals("true") || options.objections().equals("false")) {
        objections = Boolean.parseBoolean(options.objections());
      } else {
        problems.add(Diagnostic.error("bad-option", Location.of("?objections"), "`objections` must be true or false, not `" + options.objections() + "`"));
      }
    }
    ProposalReader.Result r = reader.read(body, "proposal");
    problems.addAll(r.diagnostics());
    if (Diagnostic.anyError(problems)) {
      return bad("no suggestion was searched for", problems, r.root() == null);
    }
    Problem problem = Problem.of(book, parties, objections);
    long deadline = System.nanoTime() + SEARCH_TIME.toNanos();
    Progress progress =
        new Progress() {
          @Override
          public void update(String task, long done, long total) {}

          @Override
          public boolean cancelled() {
            return System.nanoTime() > deadline;
          }
        };
    redline.analysis.Space space = Nearest.spaceFor(evaluator, r.proposal());
    Suggestions x = Nearest.search(evaluator, space, problem, r.proposal(), maxChanges, limit, progress);
    // when no version keeps every chosen party, the best compromise, as the command line gives it
    redline.explore.Compromise compromise =
        x.suggestions().isEmpty() && x.errors().isEmpty() && !x.partial() && problem.parties().size() > 1
            ? redline.explore.Compromise.search(evaluator, space, problem, r.proposal(), maxChanges, limit, progress)
            : null;
    // the positions the answer used, as the command line's nearest states them
    boolean impossible = !x.errors().isEmpty() && x.errors().stream().allMatch(d -> d.code().equals(Evaluator.INCOHERENT));
    return new Reply(
        x.errors().isEmpty() ? 200 : impossible ? 422 : 500,
        NearestReport.json(x, compromise).set("positions", redline.report.Json.positions(evaluator.positions())));
  }

  /**
   * {@code POST /api/compare}: the body is {@code {"before": proposal, "after": proposal}}; the
   * reply names the terms that differ and each party's verdict, score and constraints that move.
   */
  public Reply compare(byte[] body) {
    return compare(body, null);
  }

  /** As above, by the positions of {@code asOf} ({@code ?asOf=}; null for the latest). */
  public Reply compare(byte[] body, String asOf) {
    TreeReader.Result tree = TreeReader.readJson(body, "request");
    List<Diagnostic> problems = new ArrayList<>(tree.diagnostics());
    Evaluator evaluator = evaluatorFor(asOf, problems);
    Node root = tree.root();
    if (root == null) {
      return bad("nothing was compared", problems, true);
    }
    if (!root.is(Node.Type.OBJECT)) {
      problems.add(Diagnostic.error("wrong-type", root.at(), "the request must be an object {\"before\": proposal, \"after\": proposal}, not " + root.type().word()));
      return bad("nothing was compared", problems, false);
    }
    for (String key : root.fields().keySet()) {
      if (!key.equals("before") && !key.equals("after")) {
        problems.add(Diagnostic.error("unknown-field", root.fields().get(key).at(), "unknown field `" + key + "` in the request", "it takes `before` and `after`"));
      }
    }
    Proposal[] sides = new Proposal[2];
    String[] names = {"before", "after"};
    for (int i = 0; i < 2; i++) {
      Node side = root.fields().get(names[i]);
      if (side == null) {
        problems.add(Diagnostic.error("missing-field", root.at(), "the request has no `" + names[i] + "` proposal"));
        continue;
      }
      ProposalReader.Result r = reader.read(side, "request");
      problems.addAll(r.diagnostics());
      sides[i] = r.proposal();
    }
    if (Diagnostic.anyError(problems)) {
      return bad("nothing was compared", problems, false);
    }
    List<Evaluation> both = evaluator.evaluateAll(List.of(sides[0], sides[1]));
    Comparison c = Comparison.of(book.vocabulary(), both.get(0), both.get(1));
    boolean failed = !both.get(0).errors().isEmpty() || !both.get(1).errors().isEmpty();
    return new Reply(failed ? 500 : 200, c.json());
  }

  private static int number(String text, String name, int fallback, int min, int max, List<Diagnostic> problems) {
    if (text == null || text.isEmpty()) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(text);
      if (v >= min && v <= max) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(Diagnostic.error("bad-option", Location.of("?" + name), "`" + name + "` must be a whole number from " + min + " to " + max + ", not `" + text + "`"));
    return fallback;
  }

  /** A reply for bad input: 400 when the body is not JSON at all, 422 when it is but says something wrong. */
  private static Reply bad(String headline, List<Diagnostic> problems, boolean unreadable) {
    return error(unreadable ? 400 : 422, headline, problems);
  }

  /** The command line's error shape: {@code {"error": headline, "diagnostics": [...]}}. */
  static Reply error(int status, String headline, List<Diagnostic> diagnostics) {
    ObjectNode o = Json.object();
    o.put("error", headline);
    o.set("diagnostics", Json.diagnostics(diagnostics));
    return new Reply(status, o);
  }

  /** As {@link #error(int, String, List)} with one diagnostic. */
  static Reply error(int status, String code, String headline, String where, String message, String hint) {
    return error(status, headline, List.of(Diagnostic.error(code, Location.of(where), message, hint)));
  }
}
