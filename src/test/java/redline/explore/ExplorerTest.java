package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;

/** {@code explore} against brute force: every proposal of a small space evaluated by the engine. */
class ExplorerTest {
  static final Path FIXTURE = Path.of("src/test/resources/explore/rules");
  static RuleBook book;
  static Evaluator evaluator;
  static Space space;
  static List<Evaluation> everything;

  @BeforeAll
  static void enumerate() throws RulesException {
    book = RuleBook.load(FIXTURE);
    evaluator = new Evaluator(book);
    space = Space.of(evaluator);
    everything = evaluator.evaluateAll(all(space));
  }

  /** Every proposal of the space: each term at each of its distinct values. */
  static List<Proposal> all(Space space) {
    List<Proposal> out = new ArrayList<>();
    int n = space.terms().size();
    int[] idx = new int[n];
    while (true) {
      Map<String, TermValue> terms = new LinkedHashMap<>();
      for (int t = 0; t < n; t++) {
        terms.put(space.terms().get(t), space.values(t).get(space.distinct(t)[idx[t]]));
      }
      out.add(Proposal.of("B" + out.size(), terms));
      int t = n - 1;
      while (t >= 0 && ++idx[t] == space.distinct(t).length) {
        idx[t--] = 0;
      }
      if (t < 0) {
        return out;
      }
    }
  }

  static Set<String> brokenHard(Evaluation e, Problem p) {
    Set<String> out = new TreeSet<>();
    for (PartyResult r : e.parties()) {
      for (ConstraintResult c : r.constraints()) {
        if (p.hard().contains(c.constraint()) && c.status() != Status.SATISFIED) {
          out.add(c.constraint().id());
        }
      }
    }
    return out;
  }

  static int[] scores(Evaluation e, Problem p) {
    return p.parties().stream().mapToInt(x -> e.party(x.code()).orElseThrow().score()).toArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "AA,BB", "AA,CC", "BB,CC", "AA", "AA,BB,CC+objections"})
  void zoneFrontMaximinAndRelaxationsMatchBruteForce(String spec) {
    boolean objections = spec.endsWith("+objections");
    String codes = spec.replace("+objections", "");
    Set<String> parties = codes.isEmpty() ? Set.of() : Set.of(codes.split(","));
    Problem p = Problem.of(book, parties, objections);
    Exploration x = Explorer.explore(evaluator, space, p, Map.of(), 1000, Progress.NONE);
    assertFalse(x.partial());
    assertTrue(x.errors().isEmpty(), x.errors().toString());
    assertEquals(BigInteger.valueOf(everything.size()), x.spaceSize());

    List<Evaluation> zone = everything.stream().filter(e -> brokenHard(e, p).isEmpty()).toList();
    assertEquals(BigInteger.valueOf(zone.size()), x.zoneSize(), "zone size");

    // Pareto front: the same set of score vectors
    Set<List<Integer>> front = new HashSet<>();
    for (Evaluation e : zone) {
      int[] s = scores(e, p);
      boolean dominated = zone.stream().map(o -> scores(o, p)).anyMatch(o -> !java.util.Arrays.equals(o, s) && Pareto.atLeast(o, s));
      if (!dominated) {
        front.add(java.util.Arrays.stream(s).boxed().toList());
      }
    }
    Set<List<Integer>> found = x.front().stream().map(pt -> pt.scores()).collect(Collectors.toSet());
    assertEquals(front, found, "front");
    assertEquals(front.size(), x.frontSize());

    // maximin: the best worst-off normalised score over the whole zone
    int[] max = p.maxScores();
    double best = zone.stream().mapToDouble(e -> worst(scores(e, p), max)).max().orElse(Double.NaN);
    if (zone.isEmpty()) {
      assertEquals(null, x.maximin());
    } else {
      assertEquals(best, x.maximin().worst(), 1e-9, "maximin");
    }

    // minimal relaxations: the minimal sets of hard constraints some proposal breaks alone
    Set<Set<String>> violated = everything.stream().map(e -> brokenHard(e, p)).collect(Collectors.toSet());
    Set<Set<String>> minimal = new HashSet<>();
    if (zone.isEmpty()) {
      for (Set<String> v : violated) {
        if (violated.stream().noneMatch(o -> !o.equals(v) && v.containsAll(o))) {
          minimal.add(v);
        }
      }
    }
    Set<Set<String>> relaxations =
        x.relaxations().stream().map(r -> r.constraints().stream().map(Constraint::id).collect(Collectors.toCollection(TreeSet::new))).collect(Collectors.toSet());
    assertEquals(minimal, relaxations, "minimal relaxations");
    assertEquals(BigInteger.valueOf(minimal.size()), x.relaxationCount());
    for (int i = 1; i < x.relaxations().size(); i++) {
      assertTrue(x.relaxations().get(i - 1).constraints().size() <= x.relaxations().get(i).constraints().size(), "smallest first");
    }
  }

  static double worst(int[] scores, int[] max) {
    double w = Double.POSITIVE_INFINITY;
    for (int i = 0; i < scores.length; i++) {
      if (max[i] > 0) {
        w = Math.min(w, (double) scores[i] / max[i]);
      }
    }
    return w == Double.POSITIVE_INFINITY ? 1.0 : w;
  }

  @org.junit.jupiter.api.Test
  void fixingATermRestrictsTheSpaceAndTheZone() {
    Problem p = Problem.of(book, Set.of("AA", "BB"), false);
    Map<String, TermValue> fixed = Map.of("alpha", new TermValue.One("Z"), "cap", new TermValue.Number(15, Map.of()));
    Exploration x = Explorer.explore(evaluator, p, fixed, 100, Progress.NONE);
    long expected =
        everything.stream()
            .filter(e -> e.proposal().terms().get("alpha").equals(new TermValue.One("Z")))
            .filter(e -> ((TermValue.Number) e.proposal().terms().get("cap")).value() == 11)
            .filter(e -> brokenHard(e, p).isEmpty())
            .count();
    assertEquals(BigInteger.valueOf(expected), x.zoneSize());
    assertTrue(x.front().stream().allMatch(pt -> pt.proposal().terms().get("alpha").equals(new TermValue.One("Z"))));
    assertTrue(x.front().stream().allMatch(pt -> pt.proposal().terms().get("cap").equals(new TermValue.Number(15, Map.of()))));
  }

  @org.junit.jupiter.api.Test
  void theShippedRulesAreExploredExactlyAndEveryRelaxationOpensTheZone() throws RulesException {
    RuleBook shipped = RuleBook.load(Path.of("rules"));
    Evaluator ev = new Evaluator(shipped);
    Space s = Space.of(ev);
    Problem p = Problem.of(shipped, Set.of(), false);
    Exploration x = Explorer.explore(ev, s, p, Map.of(), 50, Progress.NONE);
    assertFalse(x.partial());
    // billions of proposals, once those the coherence rules exclude are left out
    assertTrue(x.spaceSize().compareTo(BigInteger.TEN.pow(9)) > 0);
    if (!x.hasZone()) {
      assertFalse(x.relaxations().isEmpty());
      for (Exploration.Relaxation r : x.relaxations()) {
        // dropping exactly these red lines opens the zone
        List<Constraint> hard = new ArrayList<>(p.hard());
        hard.removeAll(r.constraints());
        Problem relaxed = p.with(p.parties(), hard, p.soft());
        Exploration opened = Explorer.explore(ev, s, relaxed, Map.of(), 1, Progress.NONE);
        assertTrue(opened.hasZone(), r.toString());
        // and the witness is accepted by the engine under the relaxed red lines
        Evaluation e = ev.evaluate(opened.maximin().proposal());
        for (PartyResult pr : e.parties()) {
          for (ConstraintResult c : pr.constraints()) {
            if (c.constraint().kind() == Kind.RED_LINE && hard.contains(c.constraint())) {
              assertEquals(Status.SATISFIED, c.status(), c.constraint().id());
            }
          }
        }
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aStoppedSearchSaysItIsPartial() {
    Progress stop =
        new Progress() {
          @Override
          public void update(String task, long done, long total) {}

          @Override
          public boolean cancelled() {
            return true;
          }
        };
    Problem p = Problem.of(book, Set.of(), false);
    Exploration x = Explorer.explore(evaluator, space, p, Map.of(), 10, stop);
    assertTrue(x.partial());
    Suggestions n = Nearest.search(evaluator, space, p, Proposal.of("D", Map.of("alpha", new TermValue.One("Y"))), 3, 10, stop);
    assertTrue(n.partial());
  }
}
