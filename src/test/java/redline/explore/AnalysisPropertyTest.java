package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.LongRange;
import redline.engine.Evaluator;
import redline.engine.Outlook;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * Exactness proven, not assumed: over many generated rules folders with linked constraints (one
 * to three terms each, one, set and number terms, sometimes a coherence rule), the evaluator,
 * the explorer and nearest agree with brute force over the raw values (every option, every
 * subset, every number from 0 to 40 and no ceiling), computed by {@link GeneratedRules}' own
 * predicates, which share nothing with the analysis.
 */
class AnalysisPropertyTest {

  @Property(tries = 25, seed = "20261202")
  void theAnalysisAgreesWithBruteForce(@ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed) throws Exception {
    GeneratedRules g = GeneratedRules.generate(seed);
    Path dir = Files.createTempDirectory("redline-generated");
    try {
      g.write(dir);
      RuleBook book;
      try {
        book = RuleBook.load(dir);
      } catch (RulesException e) {
        throw new AssertionError("seed " + seed + ": the generated rules do not load: " + e.diagnostics(), e);
      }
      Evaluator evaluator = new Evaluator(book);
      List<Map<String, TermValue>> all = g.everything();
      evaluationsAgree(g, evaluator, all, seed);
      openTermsAreDecidedExactly(g, evaluator, all, new Random(seed), seed);
      explorationAgrees(g, book, evaluator, all, seed);
      conflictsAgree(g, evaluator, all, seed);
      nearestAgrees(g, book, evaluator, all, new Random(seed + 1), seed);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static Proposal proposal(Map<String, TermValue> terms) {
    return Proposal.of("p", terms);
  }

  /** Every complete proposal: refused exactly when incoherent, else the oracle's verdicts. */
  private static void evaluationsAgree(GeneratedRules g, Evaluator evaluator, List<Map<String, TermValue>> all, long seed) {
    List<Evaluation> es = evaluator.evaluateAll(all.stream().map(AnalysisPropertyTest::proposal).toList());
    for (int i = 0; i < all.size(); i++) {
      Map<String, TermValue> p = all.get(i);
      Evaluation e = es.get(i);
      if (!g.coherent(p)) {
        assertTrue(e.errors().stream().allMatch(d -> d.code().equals(Evaluator.INCOHERENT)) && !e.errors().isEmpty(), seed + " " + p);
        continue;
      }
      assertTrue(e.errors().isEmpty(), seed + " " + p + " " + e.errors());
      for (String party : g.parties) {
        assertEquals(verdict(g, party, p), e.party(party).orElseThrow().verdict(), seed + " " + party + " " + p);
      }
    }
  }

  private static int rank(Verdict v) {
    return List.of(Verdict.REJECTS, Verdict.UNDETERMINED, Verdict.OBJECTS, Verdict.ACCEPTS).indexOf(v);
  }

  private static Verdict verdict(GeneratedRules g, String party, Map<String, TermValue> p) {
    boolean red = false;
    boolean objection = false;
    for (GeneratedRules.Rule r : g.of(party)) {
      if (r.fires(p)) {
        red |= r.kind().equals("red-line");
        objection |= r.kind().equals("objection");
      }
    }
    return red ? Verdict.REJECTS : objection ? Verdict.OBJECTS : Verdict.ACCEPTS;
  }

  /** Proposals with open terms: each constraint's status is what every coherent completion agrees on. */
  private static void openTermsAreDecidedExactly(
      GeneratedRules g, Evaluator evaluator, List<Map<String, TermValue>> all, Random random, long seed) {
    for (int round = 0; round < 12; round++) {
      Map<String, TermValue> full = all.get(random.nextInt(all.size()));
      Map<String, TermValue> partial = new LinkedHashMap<>(full);
      int drop = 1 + random.nextInt(2);
      for (int k = 0; k < drop; k++) {
        partial.remove(g.terms.get(random.nextInt(g.terms.size())).name());
      }
      List<Map<String, TermValue>> completions =
          all.stream().filter(q -> partial.entrySet().stream().allMatch(e -> e.getValue().equals(q.get(e.getKey())))).filter(g::coherent).toList();
      Evaluation e = evaluator.evaluate(proposal(partial));
      if (completions.isEmpty()) {
        assertFalse(e.errors().isEmpty(), seed + ": no completion of " + partial + " can exist");
        continue;
      }
      if (!e.errors().isEmpty()) {
        continue; // refused: every completion of a coherence rule's own open terms holds it
      }
      // what the open terms could do: the best and worst verdicts over the coherent completions
      List<Outlook> searched = Outlook.of(evaluator, e, 1); // the search, not the enumeration
      assertEquals(
          Outlook.of(evaluator, e).stream().map(o -> o.best() + "/" + o.worst()).toList(),
          searched.stream().map(o -> o.best() + "/" + o.worst()).toList(),
          seed + ": search and enumeration agree on " + partial);
      for (Outlook o : Outlook.of(evaluator, e)) {
        Verdict best = null;
        Verdict worst = null;
        for (Map<String, TermValue> q : completions) {
          Verdict v = verdict(g, o.party().code(), q);
          best = best == null || rank(v) > rank(best) ? v : best;
          worst = worst == null || rank(v) < rank(worst) ? v : worst;
        }
        assertEquals(best, o.best(), seed + " best for " + o.party().code() + " on " + partial);
        assertEquals(worst, o.worst(), seed + " worst for " + o.party().code() + " on " + partial);
      }
      for (PartyResult r : e.parties()) {
        for (ConstraintResult c : r.constraints()) {
          GeneratedRules.Rule rule = g.rules.stream().filter(x -> x.id().equals(c.constraint().id())).findFirst().orElseThrow();
          long fires = completions.stream().filter(rule::fires).count();
          Status expected = fires == completions.size() ? Status.BROKEN : fires == 0 ? Status.SATISFIED : Status.UNDETERMINED;
          assertEquals(expected, c.status(), seed + " " + rule.id() + " on " + partial);
        }
      }
    }
  }

  /** The number values no rule tells apart, as classes: the first value of each, per number term. */
  private static List<Map<String, TermValue>> representatives(GeneratedRules g, List<Map<String, TermValue>> all) {
    Map<String, Set<TermValue>> keep = new LinkedHashMap<>();
    for (GeneratedRules.Term t : g.terms) {
      Set<TermValue> reps = new HashSet<>();
      if (!t.kind().equals("number")) {
        reps.addAll(t.raw());
      } else {
        Set<String> seen = new HashSet<>();
        for (TermValue v : t.raw()) {
          StringBuilder signature = new StringBuilder();
          for (GeneratedRules.Rule r : g.rules) {
            for (GeneratedRules.Atom a : r.atoms()) {
              if (a.term().equals(t.name())) {
                signature.append(a.holds().test(v) ? '1' : '0');
              }
            }
          }
          if (seen.add(signature.toString())) {
            reps.add(v);
          }
        }
      }
      keep.put(t.name(), reps);
    }
    return all.stream().filter(p -> p.entrySet().stream().allMatch(e -> keep.get(e.getKey()).contains(e.getValue()))).toList();
  }

  private static Set<String> brokenRedLines(GeneratedRules g, Map<String, TermValue> p) {
    Set<String> out = new TreeSet<>();
    for (GeneratedRules.Rule r : g.rules) {
      if (r.kind().equals("red-line") && r.fires(p)) {
        out.add(r.id());
      }
    }
    return out;
  }

  /** The space, the zone, and when the zone is empty the minimal relaxations, as brute force counts them. */
  private static void explorationAgrees(
      GeneratedRules g, RuleBook book, Evaluator evaluator, List<Map<String, TermValue>> all, long seed) {
    List<Map<String, TermValue>> classes = representatives(g, all);
    List<Map<String, TermValue>> coherent = classes.stream().filter(g::coherent).toList();
    long zone = coherent.stream().filter(p -> g.parties.stream().allMatch(party -> g.keeps(party, p))).count();
    Exploration x = Explorer.explore(evaluator, Problem.of(book, Set.of(), false), Map.of(), 10_000, Progress.NONE);
    assertFalse(x.partial());
    assertEquals(BigInteger.valueOf(coherent.size()), x.spaceSize(), seed + ": space size");
    assertEquals(BigInteger.valueOf(zone), x.zoneSize(), seed + ": zone size");
    Statistics.label("zone").collect(zone == 0 ? "empty" : "not empty");
    Statistics.label("coherence rule").collect(g.of("").isEmpty() ? "none" : "one");
    if (zone == 0) {
      List<Set<String>> minimal = new ArrayList<>();
      List<Set<String>> broken = coherent.stream().map(p -> brokenRedLines(g, p)).distinct().toList();
      for (Set<String> b : broken) {
        if (broken.stream().noneMatch(o -> !o.equals(b) && b.containsAll(o))) {
          minimal.add(b);
        }
      }
      Set<Set<String>> found = new HashSet<>();
      for (Exploration.Relaxation r : x.relaxations()) {
        found.add(new TreeSet<>(r.constraints().stream().map(c -> c.id()).toList()));
      }
      assertEquals(new HashSet<>(minimal), found, seed + ": minimal relaxations");
      assertEquals(BigInteger.valueOf(minimal.size()), x.relaxationCount(), seed + ": relaxation count");
    }
  }

  /**
   * The minimal sets of red lines no coherent proposal satisfies together (check's conflicts), as
   * brute force finds them over every subset of the red lines that some coherent proposal satisfies.
   */
  private static void conflictsAgree(GeneratedRules g, Evaluator evaluator, List<Map<String, TermValue>> all, long seed) {
    List<Map<String, TermValue>> coherent = representatives(g, all).stream().filter(g::coherent).toList();
    if (coherent.isEmpty()) {
      return;
    }
    List<String> ids = new ArrayList<>();
    for (GeneratedRules.Rule r : g.rules) {
      if (r.kind().equals("red-line") && coherent.stream().anyMatch(p -> !r.fires(p))) {
        ids.add(r.id());
      }
    }
    if (ids.size() > 14) {
      return;
    }
    List<Set<String>> satisfied = coherent.stream().map(p -> {
      Set<String> ok = new TreeSet<>(ids);
      ok.removeAll(brokenRedLines(g, p));
      return ok;
    }).distinct().toList();
    List<Set<String>> minimal = new ArrayList<>();
    for (int size = 2; size <= ids.size(); size++) {
      for (int mask = 0; mask < (1 << ids.size()); mask++) {
        if (Integer.bitCount(mask) != size) {
          continue;
        }
        Set<String> set = new TreeSet<>();
        for (int i = 0; i < ids.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            set.add(ids.get(i));
          }
        }
        boolean unsatisfiable = satisfied.stream().noneMatch(ok -> ok.containsAll(set));
        if (unsatisfiable && minimal.stream().noneMatch(set::containsAll)) {
          minimal.add(set);
        }
      }
    }
    redline.analysis.Decisions d = redline.analysis.Decisions.compute(evaluator);
    Space space = Space.of(d, evaluator, Map.of());
    List<Table> redLines = ids.stream().map(space::table).toList();
    List<Table> coherence = space.tables().stream().filter(t -> t.constraint().kind() == redline.model.Kind.COHERENCE).toList();
    redline.analysis.Minimal.Result r =
        redline.analysis.Minimal.unsatisfiable(new redline.analysis.Solvers(space, space.tables()), redLines, coherence, 1_000_000, () -> false);
    assertFalse(r.truncated(), seed + ": conflict search truncated");
    Set<Set<String>> found = new HashSet<>();
    for (List<Integer> set : r.sets()) {
      found.add(new TreeSet<>(set.stream().map(i -> ids.get(i)).toList()));
    }
    assertEquals(new HashSet<>(minimal), found, seed + ": conflicts (minimal unsatisfiable sets of red lines)");
    Statistics.label("conflicts").collect(minimal.isEmpty() ? "none" : "some");
  }

  private static int changes(Map<String, TermValue> a, Map<String, TermValue> b) {
    int n = 0;
    for (String t : a.keySet()) {
      n += a.get(t).equals(b.get(t)) ? 0 : 1;
    }
    return n;
  }

  /** Nearest finds the fewest changes brute force finds; when no version keeps both, the compromise keeps as many as brute force. */
  private static void nearestAgrees(
      GeneratedRules g, RuleBook book, Evaluator evaluator, List<Map<String, TermValue>> all, Random random, long seed) {
    List<Map<String, TermValue>> coherent = all.stream().filter(g::coherent).toList();
    Problem problem = Problem.of(book, Set.of(), false);
    for (int round = 0; round < 4; round++) {
      Map<String, TermValue> draft = coherent.get(random.nextInt(coherent.size()));
      int k = 1 + random.nextInt(2);
      int fewest = Integer.MAX_VALUE;
      int fewestLost = Integer.MAX_VALUE;
      for (Map<String, TermValue> q : coherent) {
        int c = changes(draft, q);
        if (c > k) {
          continue;
        }
        int lost = (int) g.parties.stream().filter(party -> !g.keeps(party, q)).count();
        fewestLost = Math.min(fewestLost, lost);
        if (lost == 0) {
          fewest = Math.min(fewest, c);
        }
      }
      Proposal p = proposal(draft);
      Space space = Nearest.spaceFor(evaluator, p);
      Suggestions x = Nearest.search(evaluator, space, problem, p, k, 5, Progress.NONE);
      assertTrue(x.errors().isEmpty(), seed + " " + x.errors());
      Statistics.label("nearest").collect(fewest == Integer.MAX_VALUE ? "compromise" : "suggestion");
      if (fewest == Integer.MAX_VALUE) {
        assertTrue(x.suggestions().isEmpty(), seed + ": no version within " + k + " keeps both, yet nearest suggests " + x.suggestions());
        Compromise c = Compromise.search(evaluator, space, problem, p, k, 5, Progress.NONE);
        assertEquals(g.parties.size() - fewestLost, c.kept(), seed + ": the compromise keeps as many parties as brute force");
      } else {
        assertFalse(x.suggestions().isEmpty(), seed + ": a version within " + fewest + " changes keeps both, from " + draft);
        assertEquals(fewest, x.suggestions().get(0).size(), seed + ": fewest changes from " + draft);
      }
    }
  }
}
