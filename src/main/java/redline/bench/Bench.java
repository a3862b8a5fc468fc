package redline.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.explore.Exploration;
import redline.explore.Explorer;
import redline.explore.Nearest;
import redline.explore.Problem;
import redline.explore.Progress;
import redline.analysis.Space;
import redline.explore.Suggestions;
import redline.load.ProposalReader;
import redline.model.Evaluation;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * Measures, in one run: cold start to the first report, single-proposal latency, batch
 * throughput, and {@code explore} and {@code nearest} times on the given rules and on a generated
 * vocabulary four times their size; each beside a baseline measured in the same run. Never
 * prints; spawns JVMs for the cold-start figures.
 */
public final class Bench {
  private Bench() {}

  /**
   * What to measure.
   *
   * @param java the java executable
   * @param jvmFlags the flags both cold starts get (those of {@code bin/redline})
   * @param classpath the class path holding redline and its libraries
   * @param mainClass redline's main class
   * @param bareClass the bare baseline's main class: a JVM that only reads the JSON
   * @param starts how many times each cold start is measured (the median is kept)
   * @param batch how many proposals the throughput figures evaluate
   * @param scale how many times the rules the generated vocabulary holds
   */
  public record Config(
      Path rules,
      Path proposal,
      String java,
      List<String> jvmFlags,
      String classpath,
      String mainClass,
      String bareClass,
      int starts,
      int batch,
      int scale,
      List<Integer> linkedScales,
      long seed) {
    public Config {
      linkedScales = List.copyOf(linkedScales);
    }
  }

  /** How many conditional constraints the linked vocabularies add, whatever their scale. */
  public static final int LINKED = 40;

  /**
   * The figures measured before the analysis core was rebuilt (whole process, 2 cores, the shipped
   * rules plus 40 conditional constraints, and the 4x vocabulary with 40 linked ones), kept so that
   * a run can say what changed: scale to {check, explore, nearest} in seconds.
   */
  static final Map<Integer, double[]> LINKED_BEFORE = Map.of(1, new double[] {5.6, 2.1, 1.9}, 4, new double[] {20.9, 19.3, 17.8});

  /**
   * One figure beside its baseline: {@code ratio} is how many times slower than the baseline
   * (for a throughput, the baseline's rate over ours); {@code met} is null when there is no target.
   */
  public record Figure(
      String name, double value, String unit, String baselineName, double baseline, double ratio, String target, Boolean met, String note) {}

  /** Every figure, and facts about the run. */
  public record Result(List<Figure> figures, Map<String, String> facts) {
    public Result {
      figures = List.copyOf(figures);
      facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
  }

  /** Runs every measurement. */
  public static Result run(Config c, Progress progress) throws IOException, RulesException, InterruptedException {
    List<Figure> figures = new ArrayList<>();
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    facts.put("java", System.getProperty("java.version"));
    facts.put("rules", c.rules().toString());
    facts.put("proposal", c.proposal().toString());
    facts.put("class-data sharing", sharing(c));
    int steps = 8;
    int step = 0;

    // cold start: a new JVM to the first report, beside a new JVM that only reads the same JSON,
    // for each command a drafter starts; runs alternate with the baseline's
    progress.update("cold starts", step++, steps);
    List<String> bare = command(c, c.bareClass(), c.proposal().toString());
    timeProcess(bare);
    String rules = c.rules().toString();
    String file = c.proposal().toString();
    List<List<String>> commands =
        List.of(
            command(c, c.mainClass(), "evaluate", "--rules", rules, file),
            command(c, c.mainClass(), "test", "--rules", rules, file),
            command(c, c.mainClass(), "check", "--rules", rules),
            command(c, c.mainClass(), "explore", "--rules", rules),
            command(c, c.mainClass(), "nearest", "--rules", rules, file));
    for (List<String> cmd : commands) {
      String name = cmd.get(cmd.indexOf(c.mainClass()) + 1);
      timeProcess(cmd, 3); // fills the compiled-rules cache
      List<Double> ours = new ArrayList<>();
      List<Double> theirs = new ArrayList<>();
      for (int i = 0; i < c.starts() && !progress.cancelled(); i++) {
        ours.add(timeProcess(cmd, 3));
        theirs.add(timeProcess(bare));
      }
      double cold = median(ours);
      double base = median(theirs);
      double within = name.equals("evaluate") ? 1.5 : 2.5;
      String what = name.equals("evaluate") || name.equals("nearest") ? name + " one proposal" : name.equals("test") ? "test one case" : name + " the rules";
      figures.add(
          new Figure(
              "cold start: " + what, cold, "ms", "bare JVM reading the same JSON", base, cold / base,
              "within " + within + "x", cold <= within * base, "median of " + ours.size() + " starts each, compiled-rules cache warm"));
    }
    // the same evaluation with the compiled-rules cache cold: an empty cache folder each time
    List<Double> ours = new ArrayList<>();
    List<Double> theirs = new ArrayList<>();
    for (int i = 0; i < c.starts() && !progress.cancelled(); i++) {
      Path empty = Files.createTempDirectory("redline-cold-cache-");
      try {
        List<String> cmd = new ArrayList<>();
        for (String arg : commands.get(0)) {
          cmd.add(arg.startsWith("-Dredline.cache=") ? "-Dredline.cache=" + empty : arg);
        }
        if (!cmd.contains("-Dredline.cache=" + empty)) {
          cmd.add(1, "-Dredline.cache=" + empty);
        }
        ours.add(timeProcess(cmd));
        theirs.add(timeProcess(bare));
      } finally {
        delete(empty);
      }
    }
    double coldCache = median(ours);
    double coldBase = median(theirs);
    figures.add(
        new Figure(
            "cold start, compiled-rules cache cold: evaluate one proposal", coldCache, "ms", "bare JVM reading the same JSON", coldBase,
            coldCache / coldBase, "within 4x", coldCache <= 4 * coldBase, "median of " + ours.size() + " starts each; the rules are parsed and compiled"));
    // peak resident memory of the same two processes (Linux: the kernel's high-water mark)
    if (Files.isRegularFile(Path.of("/proc/self/status"))) {
      List<Double> rssOurs = new ArrayList<>();
      List<Double> rssBare = new ArrayList<>();
      for (int i = 0; i < c.starts() && !progress.cancelled(); i++) {
        rssOurs.add(peakRss(commands.get(0)));
        rssBare.add(peakRss(bare));
      }
      double mine = median(rssOurs);
      double theirsKb = median(rssBare);
      if (mine > 0 && theirsKb > 0) {
        figures.add(
            new Figure(
                "peak resident memory: evaluate one proposal", mine / 1024, "MB", "bare JVM reading the same JSON", theirsKb / 1024,
                mine / theirsKb, "within 1.5x", mine <= 1.5 * theirsKb, "VmHWM, read every few milliseconds until the process ends; median of " + rssOurs.size()));
      }
    }

    // load and warm up
    progress.update("loading", step++, steps);
    long t0 = System.nanoTime();
    RuleBook book = RuleBook.load(c.rules());
    double loadMs = ms(System.nanoTime() - t0);
    facts.put("load (in a warm JVM)", String.format(java.util.Locale.ROOT, "%.0f ms", loadMs));
    Evaluator evaluator = new Evaluator(book);
    t0 = System.nanoTime();
    Space space = Space.of(evaluator);
    facts.put("decision tables", String.format(java.util.Locale.ROOT, "%.0f ms", ms(System.nanoTime() - t0)));
    Baseline baseline = new Baseline(space);
    Proposal draft = read(book, c.proposal());
    List<Proposal> batch = random(space, c.batch(), c.seed());
    // the single proposal: the case when it sets every term and gets a verdict, else the first
    // random proposal that does (an incoherent one gets an error and no per-constraint result)
    Proposal single = batch.get(0);
    for (Proposal p : draft.terms().size() == space.terms().size() ? java.util.stream.Stream.concat(java.util.stream.Stream.of(draft), batch.stream()).toList() : batch) {
      if (evaluator.evaluate(p).errors().isEmpty()) {
        single = p;
        break;
      }
    }

    // single-proposal latency, after a warm-up that lets the JIT compile both sides
    progress.update("latency", step++, steps);
    for (int i = 0; i < 20_000; i++) {
      evaluator.evaluate(single);
      baseline.evaluate(single);
    }
    List<Double> engine = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      long a = System.nanoTime();
      evaluator.evaluate(single);
      long b = System.nanoTime();
      baseline.evaluate(single);
      long d = System.nanoTime();
      engine.add((b - a) / 1000.0);
      hand.add((d - b) / 1000.0);
    }
    double lat = median(engine);
    double latBase = median(hand);
    figures.add(new Figure("single evaluation latency", lat, "us", "hand-written Java, same constraints", latBase, lat / latBase, "within 5x", lat <= 5 * latBase, "median of 500 after 20,000 warm-up calls; a full proposal with a verdict, breaking " + brokenOf(evaluator.evaluate(single)) + " constraints; includes the session and the full per-constraint result"));

    // batch throughput, checked against the baseline proposal by proposal: each side gets the
    // same warm-up (three passes over the batch) before its timed pass; the engine's results are
    // streamed and checked as they come, as a batch run that keeps a summary would use them
    progress.update("throughput", step++, steps);
    int chunk = 10_000;
    for (int i = 0; i < 3; i++) {
      for (Proposal p : batch) {
        baseline.evaluate(p);
      }
    }
    t0 = System.nanoTime();
    List<Baseline.Result[]> expected = new ArrayList<>(batch.size());
    for (Proposal p : batch) {
      expected.add(baseline.evaluate(p));
    }
    double baseS = (System.nanoTime() - t0) / 1e9;
    for (int i = 0; i < 3; i++) {
      evaluator.evaluateEach(batch, e -> {});
    }
    t0 = System.nanoTime();
    int[] checked = differing(evaluator, batch, expected);
    double engineS = (System.nanoTime() - t0) / 1e9;
    double rate = batch.size() / engineS;
    double baseRate = batch.size() / baseS;
    figures.add(new Figure("batch evaluation throughput", rate, "proposals/s", "hand-written Java, same constraints", baseRate, baseRate / rate, "within 10x", baseRate / rate <= 10, batch.size() + " random proposals after three warm-up passes each, streamed (Evaluator.evaluateEach, sessions of " + Evaluator.CHUNK + ", one per core); " + checked[0] + " verdicts differ from the baseline over the " + checked[1] + " coherent proposals"));
    t0 = System.nanoTime();
    for (int from = 0; from < batch.size(); from += chunk) {
      evaluator.fire(batch.subList(from, Math.min(batch.size(), from + chunk)));
    }
    double fireRate = batch.size() / ((System.nanoTime() - t0) / 1e9);
    figures.add(new Figure("batch rule firing only (no per-constraint results)", fireRate, "proposals/s", "hand-written Java, same constraints", baseRate, baseRate / fireRate, "", null, "Evaluator.fire: the Drools part of the throughput"));

    // a batch streamed through Evaluator.evaluateEach, keeping nothing: peak heap for 50,000
    // proposals beside the same for 5,000 (bounded memory means they are about the same)
    // nothing of the measured batch stays reachable: only the rules, the evaluator and one session
    expected = null;
    batch = null;
    double small = peakHeap(evaluator, space, 5_000, c.seed());
    double large = peakHeap(evaluator, space, 50_000, c.seed());
    figures.add(
        new Figure(
            "batch of 50,000 proposals streamed: live heap", large, "MB", "the same for 5,000 proposals", small, large / small,
            "within 1.5x", large <= 1.5 * small, "Evaluator.evaluateEach, results handed on and dropped; most heap in use after a full collection, every 5,000 proposals"));

    // explore and nearest on the shipped rules, from loading the rules to the result
    progress.update("explore", step++, steps);
    Problem all = Problem.of(book, Set.of(), false);
    List<Double> exploreMs = new ArrayList<>();
    Exploration x = null;
    for (int i = 0; i < 3; i++) {
      t0 = System.nanoTime();
      RuleBook b = RuleBook.load(c.rules());
      x = Explorer.explore(new Evaluator(b), Problem.of(b, Set.of(), false), Map.of(), 10, progress);
      exploreMs.add(ms(System.nanoTime() - t0));
    }
    double brute = seconds(x.spaceSize(), rate) * 1000;
    figures.add(new Figure("explore, shipped rules", median(exploreMs), "ms", "brute force at the batch rate (estimated)", brute, median(exploreMs) / brute, "under 5 s", median(exploreMs) < 5000, "load, decide, search; space " + x.spaceSize() + ", zone " + (x.hasZone() ? x.zoneSize() : "empty")));
    // explore in a new JVM, as a user runs it: the cold-start figures above

    progress.update("nearest", step++, steps);
    List<String> withoutFirst = book.parties().stream().skip(1).map(p -> p.code()).toList();
    double shippedNearest = 0;
    for (Collection<String> parties : List.of(Set.<String>of(), withoutFirst)) {
      List<Double> nearestMs = new ArrayList<>();
      Suggestions s = null;
      for (int i = 0; i < 3; i++) {
        t0 = System.nanoTime();
        RuleBook b = RuleBook.load(c.rules());
        s = Nearest.search(new Evaluator(b), Problem.of(b, parties, false), read(b, c.proposal()), 5, 10, progress);
        nearestMs.add(ms(System.nanoTime() - t0));
      }
      double bruteN = seconds(withinChanges(space, 5), rate) * 1000;
      String who = parties.isEmpty() ? "all parties" : "parties " + String.join(",", parties);
      shippedNearest = median(nearestMs);
      figures.add(new Figure("nearest, shipped rules, " + who, median(nearestMs), "ms", "brute force over <= 5 changes (estimated)", bruteN, median(nearestMs) / bruteN, "under 5 s", median(nearestMs) < 5000,
          "--max-changes 5; " + (s.suggestions().isEmpty() ? "no suggestion" : s.suggestions().size() + " suggestions, fewest changes " + s.minimum())));
    }

    // a generated vocabulary c.scale() times the size
    progress.update("generated vocabulary", step++, steps);
    Path dir = Files.createTempDirectory("redline-bench-");
    try {
      Generator.scale(c.rules(), dir, c.scale());
      JsonNode json = new ObjectMapper().readTree(c.proposal().toFile());
      Path bigProposal = dir.resolve("proposal.json");
      Files.writeString(bigProposal, Generator.scaleProposal(json, c.scale()), StandardCharsets.UTF_8);
      t0 = System.nanoTime();
      RuleBook big = RuleBook.load(dir);
      Exploration bx = Explorer.explore(new Evaluator(big), Problem.of(big, Set.of(), false), Map.of(), 10, progress);
      double bigExplore = ms(System.nanoTime() - t0);
      facts.put("generated vocabulary", big.vocabulary().terms().size() + " terms, " + big.constraints().size() + " constraints");
      figures.add(new Figure("explore, " + c.scale() + "x vocabulary", bigExplore, "ms", "explore, shipped rules", median(exploreMs), bigExplore / median(exploreMs), "under 60 s", bigExplore < 60_000, "space " + bx.spaceSize() + ", zone " + (bx.hasZone() ? bx.zoneSize() : "empty") + ", " + bx.relaxationCount() + " minimal relaxations"));
      progress.update("generated vocabulary", step++, steps);
      List<String> parties = big.parties().stream().skip(1).map(p -> p.code()).toList();
      t0 = System.nanoTime();
      big = RuleBook.load(dir);
      int k = 5 * c.scale();
      Suggestions bs = Nearest.search(new Evaluator(big), Problem.of(big, parties, false), read(big, bigProposal), k, 10, progress);
      double bigNearest = ms(System.nanoTime() - t0);
      figures.add(new Figure("nearest, " + c.scale() + "x vocabulary, parties " + String.join(",", parties), bigNearest, "ms", "nearest, shipped rules, same parties", shippedNearest, bigNearest / shippedNearest, "under 60 s", bigNearest < 60_000,
          "--max-changes " + k + "; " + (bs.suggestions().isEmpty() ? "no suggestion" : "fewest changes " + bs.minimum())));
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    linked(c, figures, progress);
    progress.update("done", steps, steps);
    return new Result(figures, facts);
  }

  /**
   * {@code check}, {@code explore} and {@code nearest} as a user runs them (a new JVM each, median
   * of 3), on the shipped rules and on generated vocabularies of each linked scale: the shipped
   * rules copied that many times plus {@link #LINKED} conditional constraints reading 2-3 terms
   * each, chained into one large group. Each figure stands beside the same command on the
   * shipped rules in this run; the note gives the figure recorded before the rebuild.
   */
  private static void linked(Config c, List<Figure> figures, Progress progress) throws IOException, InterruptedException {
    if (c.linkedScales().isEmpty()) {
      return;
    }
    String[] names = {"check", "explore", "nearest"};
    double[] shipped = new double[3];
    for (int k = 0; k < 3; k++) {
      shipped[k] = median3(linkedCommand(c, names[k], c.rules(), c.proposal()));
    }
    for (int scale : c.linkedScales()) {
      if (progress.cancelled()) {
        return;
      }
      progress.update("linked vocabulary, " + scale + "x", scale, c.linkedScales().get(c.linkedScales().size() - 1));
      Path dir = Files.createTempDirectory("redline-linked-");
      try {
        Generator.linked(c.rules(), dir, scale, LINKED, c.seed());
        Path proposal = dir.resolve("proposal.json");
        Files.writeString(proposal, Generator.scaleProposal(new ObjectMapper().readTree(c.proposal().toFile()), scale), StandardCharsets.UTF_8);
        double limit = scale == 1 ? 0 : scale <= 4 ? 10_000 : 60_000;
        for (int k = 0; k < 3; k++) {
          double ms = median3(linkedCommand(c, names[k], dir, proposal));
          double[] before = LINKED_BEFORE.get(scale);
          double target = scale == 1 ? (k == 0 ? 3_000 : 2_000) : limit;
          boolean hasTarget = scale == 1 || scale == 4 || scale == 8;
          figures.add(
              new Figure(
                  names[k] + ", " + scale + "x vocabulary + " + LINKED + " linked constraints, new JVM",
                  ms, "ms", names[k] + ", shipped rules, new JVM", shipped[k], ms / shipped[k],
                  hasTarget ? "under " + (long) (target / 1000) + " s" : "", hasTarget ? ms < target : null,
                  (before == null ? "" : "before the rebuild: " + before[k] + " s; ") + "median of 3"));
        }
      } finally {
        try (Stream<Path> s = Files.walk(dir)) {
          s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  private static List<String> linkedCommand(Config c, String name, Path rules, Path proposal) {
    return name.equals("check")
        ? command(c, c.mainClass(), "check", "--rules", rules.toString())
        : name.equals("explore")
            ? command(c, c.mainClass(), "explore", "--rules", rules.toString())
            : command(c, c.mainClass(), "nearest", "--rules", rules.toString(), proposal.toString());
  }

  /** The median of three runs; a command that ends with exit 3 (findings in the rules) still counts. */
  private static double median3(List<String> cmd) throws IOException, InterruptedException {
    return median(List.of(timeProcess(cmd, 3), timeProcess(cmd, 3), timeProcess(cmd, 3)));
  }

  /**
   * Evaluates {@code batch} streamed, checking each result as it comes against the baseline's:
   * the party verdicts or scores that differ, then how many proposals had verdicts to compare (a
   * proposal holding a combination that cannot exist gets none, which the baseline does not know;
   * one the rules failed on counts as differing).
   */
  private static int[] differing(Evaluator evaluator, List<Proposal> batch, List<Baseline.Result[]> expected) {
    int[] seen = new int[1];
    int[] differ = new int[1];
    int[] compared = new int[1];
    evaluator.evaluateEach(
        batch,
        e -> {
          Baseline.Result[] want = expected.get(seen[0]++);
          List<PartyResult> rs = e.parties();
          if (rs.isEmpty()) {
            if (!e.errors().stream().allMatch(d -> d.code().equals(Evaluator.INCOHERENT))) {
              differ[0]++; // the rules failed on it
            }
            return;
          }
          compared[0]++;
          for (int p = 0; p < want.length; p++) {
            if (p >= rs.size() || rs.get(p).verdict() != want[p].verdict() || rs.get(p).score() != want[p].score()) {
              differ[0]++;
            }
          }
        });
    return new int[] {differ[0] + (seen[0] == batch.size() ? 0 : 1), compared[0]};
  }

  private static Proposal read(RuleBook book, Path file) {
    ProposalReader.Result r = new ProposalReader(book.vocabulary()).read(file, file.toString());
    if (r.proposal() == null) {
      throw new IllegalArgumentException("cannot read `" + file + "`: " + r.diagnostics().get(0).message());
    }
    return r.proposal();
  }

  /**
   * The most live heap, in MB, while {@code count} random proposals, generated one at a time, are
   * evaluated through {@link Evaluator#evaluateEach} by a consumer that keeps nothing: the heap in
   * use after a full collection, taken every 5,000 evaluations and at the end.
   */
  private static double peakHeap(Evaluator evaluator, Space space, int count, long seed) {
    java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
    long[] peak = new long[1];
    int[] seen = new int[1];
    Runnable sample =
        () -> {
          System.gc();
          peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
        };
    Random random = new Random(seed);
    Iterable<Proposal> generated =
        () ->
            new java.util.Iterator<>() {
              int made;

              @Override
              public boolean hasNext() {
                return made < count;
              }

              @Override
              public Proposal next() {
                return randomProposal(space, random, "R" + made++);
              }
            };
    evaluator.evaluateEach(
        generated,
        e -> {
          if (++seen[0] % 5_000 == 0) {
            sample.run();
          }
        });
    sample.run();
    return peak[0] / (1024.0 * 1024.0);
  }

  /**
   * Whether the cold starts map bin/redline's class-data sharing archive: only when it was dumped
   * after the jar was built (an older one is silently ignored by the JVM).
   */
  private static String sharing(Config c) {
    String archive = c.jvmFlags().stream().filter(f -> f.startsWith("-XX:SharedArchiveFile=")).findFirst().orElse("");
    if (archive.isEmpty()) {
      return "none (run from the jar, after `bin/redline --version`, to use bin/redline's archive)";
    }
    try {
      Path jsa = Path.of(archive.substring("-XX:SharedArchiveFile=".length()));
      boolean fresh = Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(Path.of(c.classpath()))) >= 0;
      return fresh ? "bin/redline's archive" : "none: the archive is older than the jar (run `bin/redline --version` first)";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** One proposal setting every term to a random value of its domain. */
  private static Proposal randomProposal(Space space, Random random, String id) {
    Map<String, TermValue> terms = new LinkedHashMap<>();
    for (int t = 0; t < space.terms().size(); t++) {
      List<TermValue> vs = space.values(t);
      terms.put(space.terms().get(t), vs.get(random.nextInt(vs.size())));
    }
    return Proposal.of(id, terms);
  }

  /** {@code count} proposals setting every term to a random value of its domain. */
  static List<Proposal> random(Space space, int count, long seed) {
    Random random = new Random(seed);
    List<Proposal> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(randomProposal(space, random, "R" + i));
    }
    return out;
  }

  /** How many proposals differ from a given one in at most {@code k} terms (its class counts). */
  static BigInteger withinChanges(Space space, int k) {
    BigInteger[] poly = new BigInteger[k + 1];
    Arrays.fill(poly, BigInteger.ZERO);
    poly[0] = BigInteger.ONE;
    for (int t = 0; t < space.terms().size(); t++) {
      BigInteger others = BigInteger.valueOf(space.distinct(t).length - 1L);
      for (int j = k; j >= 1; j--) {
        poly[j] = poly[j].add(poly[j - 1].multiply(others));
      }
    }
    return Arrays.stream(poly).reduce(BigInteger.ZERO, BigInteger::add);
  }

  private static double seconds(BigInteger proposals, double rate) {
    return new BigDecimal(proposals).divide(BigDecimal.valueOf(rate), MathContext.DECIMAL64).doubleValue();
  }

  /** The subcommands bin/redline always runs with full tiering (long-running); see {@link #SIZED}. */
  static final Set<String> FULL_TIERING = Set.of("serve", "bench");

  /**
   * The subcommands bin/redline runs with full tiering only on rules of {@link #SMALL_RULES} bytes
   * of {@code .drl} or more (long searches); on smaller rules they stop at C1, which is faster there.
   */
  static final Set<String> SIZED = Set.of("check", "explore", "nearest");

  /** Below this many bytes of {@code .drl}, the {@link #SIZED} commands stop at C1 (bin/redline's SMALL_RULES). */
  static final long SMALL_RULES = 250_000;

  /** The C1-only flag that bin/redline gives short commands only. */
  static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

  /** The small young generation that bin/redline gives short commands only. */
  static final String SMALL_YOUNG = "-Xmn12m";

  /** The short subcommands bin/redline runs with the default heap all the same (many drafts at once). */
  static final Set<String> DEFAULT_HEAP = Set.of("table");

  /**
   * {@code flags} as bin/redline passes them for the command line {@code args} (subcommand
   * first): without C1-only and the small young generation for the long-running commands and for
   * the sized ones on large rules, without the small young generation for the sized ones on small
   * rules and for {@link #DEFAULT_HEAP}.
   */
  static List<String> flagsFor(List<String> flags, List<String> args) {
    String subcommand = args.isEmpty() ? "" : args.get(0);
    boolean full = FULL_TIERING.contains(subcommand) || (SIZED.contains(subcommand) && ruleBytes(args) >= SMALL_RULES);
    boolean defaultHeap = full || SIZED.contains(subcommand) || DEFAULT_HEAP.contains(subcommand);
    return flags.stream().filter(f -> !(full && f.equals(C1_ONLY)) && !(defaultHeap && f.equals(SMALL_YOUNG))).toList();
  }

  /** The bytes of {@code .drl} in the rules folder the command line names (as bin/redline counts them). */
  static long ruleBytes(List<String> args) {
    Path dir = Path.of("rules");
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).equals("--rules") && i + 1 < args.size()) {
        dir = Path.of(args.get(i + 1));
      } else if (args.get(i).startsWith("--rules=")) {
        dir = Path.of(args.get(i).substring("--rules=".length()));
      }
    }
    long bytes = 0;
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".drl")).toList()) {
        bytes += Files.size(p);
      }
    } catch (IOException e) {
      return 0;
    }
    return bytes;
  }

  private static List<String> command(Config c, String main, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(c.java());
    cmd.addAll(args.length > 0 ? flagsFor(c.jvmFlags(), List.of(args)) : c.jvmFlags());
    cmd.add("-cp");
    cmd.add(c.classpath());
    cmd.add(main);
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Wall time of one run of {@code cmd}, in milliseconds; its output is discarded. */
  private static double timeProcess(List<String> cmd) throws IOException, InterruptedException {
    return timeProcess(cmd, 1);
  }

  /** As above, accepting exit codes up to {@code worstOk}. */
  private static double timeProcess(List<String> cmd, int worstOk) throws IOException, InterruptedException {
    long t0 = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    int code = p.waitFor();
    double ms = ms(System.nanoTime() - t0);
    if (code > worstOk) {
      throw new IOException("`" + String.join(" ", cmd) + "` exited with " + code);
    }
    return ms;
  }

  /**
   * The peak resident set of one run of {@code cmd}, in kB: the kernel's high-water mark
   * ({@code VmHWM} in {@code /proc/PID/status}), read until the process ends; 0 when it cannot be
   * read.
   */
  private static double peakRss(List<String> cmd) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Path status = Path.of("/proc", Long.toString(p.pid()), "status");
    long peak = 0;
    while (!p.waitFor(3, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      try {
        peak = Math.max(peak, vmHwmKb(Files.readString(status)));
      } catch (IOException | RuntimeException e) {
        // the process ended between the check and the read
      }
    }
    return peak;
  }

  /** The {@code VmHWM} line of a {@code /proc/PID/status} text, in kB; 0 when there is none. */
  static long vmHwmKb(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        return Long.parseLong(parts[0]);
      }
    }
    return 0;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** How many constraints {@code e} finds broken, over every party. */
  private static int brokenOf(Evaluation e) {
    return e.parties().stream().mapToInt(p -> p.with(redline.model.Status.BROKEN).size()).sum();
  }

  private static double median(List<Double> xs) {
    if (xs.isEmpty()) {
      return Double.NaN;
    }
    List<Double> s = new ArrayList<>(xs);
    s.sort(Double::compare);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
