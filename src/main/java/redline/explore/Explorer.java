package redline.explore;

import redline.analysis.Minimal;
import redline.analysis.Solver;
import redline.analysis.Space;
import redline.analysis.Table;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redline.engine.Evaluator;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Location;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * The agreement space, exactly: every constraint is decided by Drools over the few terms it reads
 * ({@link Space}); the terms split into independent groups ({@link Component}); each group is
 * searched exhaustively with pruning (a branch stops at the first red line it breaks, and values
 * no constraint of the group tells apart are searched once and counted by their number); and the
 * groups are combined: the zone's size is the product of the groups' counts, the Pareto front the
 * Pareto-pruned sum of the groups' fronts, and the minimal relaxations the unions of one minimal
 * correction set per blocked group. Never prints.
 */
public final class Explorer {
  private static final int CHECK_EVERY = 1 << 12;

  private final Evaluator evaluator;
  private final Space space;
  private final Problem problem;
  private final Progress progress;
  private long nodes;
  private boolean stopped;

  private Explorer(Evaluator evaluator, Space space, Problem problem, Progress progress) {
    this.evaluator = evaluator;
    this.space = space;
    this.problem = problem;
    this.progress = progress;
  }

  /**
   * Explores the space of {@code evaluator}'s rules for {@code problem}, with the terms of
   * {@code fixed} fixed; lists at most {@code limit} front points and relaxations.
   */
  public static Exploration explore(
      Evaluator evaluator, Problem problem, Map<String, TermValue> fixed, int limit, Progress progress) {
    Map<String, List<TermValue>> extra = new LinkedHashMap<>();
    fixed.forEach((t, v) -> extra.put(t, List.of(v)));
    return explore(evaluator, Space.of(evaluator, extra), problem, fixed, limit, progress);
  }

  /** As above, over a space already decided (it must hold the fixed values). */
  public static Exploration explore(
      Evaluator evaluator, Space space, Problem problem, Map<String, TermValue> fixed, int limit, Progress progress) {
    return new Explorer(evaluator, space, problem, progress).run(fixed, Math.max(1, limit));
  }

  /** One group's feasible score vector with a witness: the values of the group's terms. */
  private record Part(int[] scores, int[] values) {}

  /** A combined front point: its scores and the parts it sums. */
  private record Sum(int[] scores, Sum prev, Part part, int group) {}

  private Exploration run(Map<String, TermValue> fixed, int limit) {
    int n = space.terms().size();
    int[] fixedValue = new int[n];
    java.util.Arrays.fill(fixedValue, -1);
    fixed.forEach(
        (t, v) -> {
          int ti = space.term(t);
          int vi = space.valueIndex(ti, v);
          if (ti < 0 || vi < 0) {
            throw new IllegalArgumentException("cannot fix `" + t + "` to `" + v.render() + "`");
          }
          fixedValue[ti] = vi;
        });
    List<Component> groups = Component.split(space, problem);
    boolean[] inGroup = new boolean[n];
    groups.forEach(g -> java.util.Arrays.stream(g.terms).forEach(t -> inGroup[t] = true));
    BigInteger spaceSize = coherentSize(fixedValue);
    BigInteger zone = BigInteger.ONE;
    List<List<Part>> fronts = new ArrayList<>();
    Map<String, List<TermValue>> zoneValues = new LinkedHashMap<>();
    List<Integer> blockedGroups = new ArrayList<>();
    List<List<List<Constraint>>> corrections = new ArrayList<>();
    int done = 0;
    for (Component g : groups) {
      progress.update("exploring", done++, groups.size());
      if (stopped || progress.cancelled()) {
        stopped = true;
        break;
      }
      Feasible f = feasible(g, fixedValue);
      if (stopped) {
        break;
      }
      zone = zone.multiply(f.count);
      if (f.count.signum() == 0) {
        blockedGroups.add(fronts.size());
        corrections.add(corrections(g, fixedValue));
      } else {
        for (int i = 0; i < g.terms.length; i++) {
          int t = g.terms[i];
          List<TermValue> vs = new ArrayList<>();
          for (int v = 0; v < f.used[i].length; v++) {
            if (f.used[i][v]) {
              vs.add(space.values(t).get(v));
            }
          }
          if (fixedValue[t] < 0 && vs.size() < space.distinct(t).length) {
            zoneValues.put(space.terms().get(t), vs);
          }
        }
      }
      fronts.add(Pareto.front(new ArrayList<>(f.vectors.values()), Part::scores));
    }
    progress.update("exploring", done, groups.size());
    for (int t = 0; t < n; t++) {
      if (!inGroup[t]) {
        zone = zone.multiply(BigInteger.valueOf(fixedValue[t] >= 0 ? 1 : space.distinct(t).length));
      }
    }
    List<Diagnostic> errors = new ArrayList<>(space.errors());
    boolean hasZone = zone.signum() > 0 && !stopped;
    if (!hasZone) {
      zoneValues.clear();
    }
    // the front: Minkowski sum of the groups' fronts, Pareto-pruned after each group
    List<Sum> front = new ArrayList<>();
    if (hasZone) {
      front.add(new Sum(new int[problem.parties().size()], null, null, -1));
      for (int gi = 0; gi < fronts.size() && !stopped; gi++) {
        List<Sum> next = new ArrayList<>();
        for (Sum s : front) {
          for (Part p : fronts.get(gi)) {
            int[] v = s.scores.clone();
            for (int i = 0; i < v.length; i++) {
              v[i] += p.scores[i];
            }
            next.add(new Sum(v, s, p, gi));
          }
          if (progress.cancelled()) {
            stopped = true;
            break;
          }
        }
        front = Pareto.front(next, Sum::scores);
      }
    }
    int[] max = problem.maxScores();
    List<Exploration.Point> points = new ArrayList<>();
    if (hasZone && !stopped) {
      int k = 0;
      for (Sum s : front) {
        int[] assignment = fixedValue.clone();
        for (int t = 0; t < n; t++) {
          if (assignment[t] < 0) {
            assignment[t] = space.distinct(t)[0];
          }
        }
        for (Sum x = s; x != null && x.part != null; x = x.prev) {
          Component g = groups.get(x.group);
          for (int i = 0; i < g.terms.length; i++) {
            assignment[g.terms[i]] = x.part.values[i];
          }
        }
        points.add(point("Z" + (++k), assignment, s.scores, max));
      }
      points.sort(
          Comparator.comparingDouble((Exploration.Point p) -> -p.worst())
              .thenComparingDouble(p -> -p.normalised().stream().mapToDouble(Double::doubleValue).sum())
              .thenComparing((a, b) -> java.util.Arrays.compare(ints(b.scores()), ints(a.scores()))));
    }
    Exploration.Point maximin = points.isEmpty() ? null : points.get(0);
    List<Exploration.Point> shown = points.subList(0, Math.min(limit, points.size()));
    errors.addAll(verify(shown, fixed));
    // relaxations: one minimal correction set per blocked group
    List<Exploration.Blocked> blocked = new ArrayList<>();
    List<List<long[]>> costs = new ArrayList<>();
    BigInteger count = BigInteger.ZERO;
    if (!blockedGroups.isEmpty()) {
      count = BigInteger.ONE;
      for (int b = 0; b < blockedGroups.size(); b++) {
        Component g = groups.get(blockedGroups.get(b));
        List<List<Constraint>> mcs = corrections.get(b);
        List<String> terms = java.util.Arrays.stream(g.terms).sorted().mapToObj(space.terms()::get).toList();
        blocked.add(new Exploration.Blocked(terms, mcs.stream().map(this::relaxation).toList()));
        costs.add(mcs.stream().map(m -> new long[] {m.size()}).toList());
        count = count.multiply(BigInteger.valueOf(mcs.size()));
      }
    }
    List<Exploration.Relaxation> relaxations = new ArrayList<>();
    for (int[] pick : blockedGroups.isEmpty() || stopped ? List.<int[]>of() : KBest.best(costs, limit, null)) {
      List<Constraint> cs = new ArrayList<>();
      for (int b = 0; b < pick.length; b++) {
        cs.addAll(corrections.get(b).get(pick[b]));
      }
      relaxations.add(relaxation(order(cs)));
    }
    return new Exploration(
        problem.parties(),
        problem.objections(),
        fixed,
        spaceSize,
        stopped ? BigInteger.ZERO : zone,
        zoneValues,
        java.util.Arrays.stream(max).boxed().toList(),
        shown,
        stopped ? 0 : points.size(),
        maximin,
        blocked,
        relaxations,
        count,
        stopped ? List.of() : partySets(corrections),
        groups.size(),
        stopped,
        errors,
        Ranges.of(space));
  }

  /** The number of proposals (classes of values) that break no coherence rule. */
  private BigInteger coherentSize(int[] fixedValue) {
    int n = space.terms().size();
    Explorer counter = new Explorer(evaluator, space, problem.with(List.of(), List.of(), List.of()), progress);
    boolean[] counted = new boolean[n];
    BigInteger size = BigInteger.ONE;
    for (Component g : Component.split(space, counter.problem)) {
      size = size.multiply(counter.feasible(g, fixedValue).count);
      java.util.Arrays.stream(g.terms).forEach(t -> counted[t] = true);
    }
    for (int t = 0; t < n; t++) {
      if (!counted[t]) {
        size = size.multiply(BigInteger.valueOf(fixedValue[t] >= 0 ? 1 : space.distinct(t).length));
      }
    }
    return size;
  }

  private Exploration.Point point(String id, int[] assignment, int[] scores, int[] max) {
    double[] norm = new double[scores.length];
    double worst = Double.POSITIVE_INFINITY;
    for (int i = 0; i < scores.length; i++) {
      norm[i] = max[i] == 0 ? 1.0 : (double) scores[i] / max[i];
      if (max[i] > 0) {
        worst = Math.min(worst, norm[i]);
      }
    }
    if (worst == Double.POSITIVE_INFINITY) {
      worst = 1.0;
    }
    return new Exploration.Point(
        space.proposal(id, assignment),
        java.util.Arrays.stream(scores).boxed().toList(),
        java.util.Arrays.stream(norm).boxed().toList(),
        worst);
  }

  private static int[] ints(List<Integer> xs) {
    return xs.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Re-evaluates the shown proposals with the engine: none may be rejected, scores must match. */
  private List<Diagnostic> verify(List<Exploration.Point> points, Map<String, TermValue> fixed) {
    List<Diagnostic> out = new ArrayList<>();
    if (points.isEmpty()) {
      return out;
    }
    List<Evaluation> evaluations = evaluator.evaluateAll(points.stream().map(Exploration.Point::proposal).toList());
    for (int i = 0; i < points.size(); i++) {
      Evaluation e = evaluations.get(i);
      out.addAll(e.errors());
      for (int p = 0; p < problem.parties().size(); p++) {
        PartyResult r = e.party(problem.parties().get(p).code()).orElseThrow();
        boolean rejected = !Acceptance.holds(r, problem.objections());
        if (rejected || r.score() != points.get(i).scores().get(p)) {
          out.add(
              Diagnostic.error(
                  "explore-mismatch",
                  Location.of(space.ruleBook().folder()),
                  "the engine disagrees with the explorer about `" + r.party().code() + "` on proposal "
                      + points.get(i).proposal().id(),
                  "please report this: it is a bug in redline"));
        }
      }
    }
    return out;
  }

  private Exploration.Relaxation relaxation(List<Constraint> cs) {
    Set<String> codes = new LinkedHashSet<>();
    cs.forEach(c -> codes.add(c.party()));
    List<Party> parties = problem.parties().stream().filter(p -> codes.contains(p.code())).toList();
    return new Exploration.Relaxation(cs, parties);
  }

  private List<Constraint> order(List<Constraint> cs) {
    List<Constraint> sorted = new ArrayList<>(cs);
    sorted.sort(Comparator.comparingInt(problem.hard()::indexOf));
    return sorted;
  }

  /** The minimal sets of considered parties whose red lines, all dropped, open every blocked group. */
  private List<List<Party>> partySets(List<List<List<Constraint>>> corrections) {
    List<Party> parties = problem.parties();
    if (corrections.isEmpty() || parties.size() > 16) {
      return List.of();
    }
    List<Integer> good = new ArrayList<>();
    for (int mask = 1; mask < (1 << parties.size()); mask++) {
      Set<String> codes = new LinkedHashSet<>();
      for (int i = 0; i < parties.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          codes.add(parties.get(i).code());
        }
      }
      boolean opens = true;
      for (List<List<Constraint>> mcs : corrections) {
        opens &= mcs.stream().anyMatch(m -> m.stream().allMatch(c -> codes.contains(c.party())));
      }
      if (opens) {
        final int fm = mask;
        if (good.stream().noneMatch(g -> (g & fm) == g)) {
          good.add(mask);
        }
      }
    }
    good.sort(Comparator.comparingInt(Integer::bitCount).thenComparingInt(m -> m));
    List<List<Party>> out = new ArrayList<>();
    for (int mask : good) {
      List<Party> set = new ArrayList<>();
      for (int i = 0; i < parties.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          set.add(parties.get(i));
        }
      }
      out.add(set);
    }
    return out;
  }

  // ---- searching one group ----

  /** A group's feasible count, its distinct feasible score vectors, and the values used. */
  private record Feasible(BigInteger count, Map<ScoreKey, Part> vectors, boolean[][] used) {}

  private record ScoreKey(int[] v) {
    @Override
    public boolean equals(Object o) {
      return o instanceof ScoreKey k && java.util.Arrays.equals(v, k.v);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.hashCode(v);
    }
  }

  /** The candidate classes of each term of {@code g}, as {@code {value, weight}}. */
  private List<List<int[]>> candidates(Component g, int[] fixedValue, List<Table> tables) {
    List<List<int[]>> out = new ArrayList<>();
    for (int t : g.terms) {
      int[] values = fixedValue[t] >= 0 ? new int[] {fixedValue[t]} : space.distinct(t);
      out.add(Component.classes(t, values, tables).stream().map(m -> new int[] {m[0], m.length}).toList());
    }
    return out;
  }

  private Feasible feasible(Component g, int[] fixedValue) {
    List<Table> tables = g.hardAndCoherent();
    tables.addAll(g.soft);
    List<List<int[]>> cands = candidates(g, fixedValue, tables);
    int[] assignment = new int[space.terms().size()];
    int[] scores = new int[problem.parties().size()];
    int[] softParty = g.soft.stream().mapToInt(t -> problem.partyIndex(t.constraint().party())).toArray();
    BigInteger[] weight = new BigInteger[g.terms.length + 1];
    weight[0] = BigInteger.ONE;
    BigInteger[] count = {BigInteger.ZERO};
    Map<ScoreKey, Part> vectors = new HashMap<>();
    boolean[][] used = new boolean[g.terms.length][];
    for (int i = 0; i < g.terms.length; i++) {
      used[i] = new boolean[space.values(g.terms[i]).size()];
    }
    int[] chosen = new int[g.terms.length];
    new Object() {
      void dfs(int level) {
        if (++nodes % CHECK_EVERY == 0 && progress.cancelled()) {
          stopped = true;
        }
        if (stopped || !g.coherent(level, assignment, null)) {
          return;
        }
        for (int h : g.hardAt.get(level)) {
          if (g.hard.get(h).isBroken(assignment)) {
            return;
          }
        }
        for (int s : g.softAt.get(level)) {
          Table t = g.soft.get(s);
          scores[softParty[s]] += t.isBroken(assignment) ? -t.constraint().weight() : t.constraint().weight();
        }
        if (level == g.terms.length) {
          count[0] = count[0].add(weight[level]);
          vectors.computeIfAbsent(new ScoreKey(scores.clone()), k -> new Part(k.v, values()));
          for (int i = 0; i < chosen.length; i++) {
            used[i][chosen[i]] = true;
          }
        } else {
          for (int[] c : cands.get(level)) {
            assignment[g.terms[level]] = c[0];
            chosen[level] = c[0];
            weight[level + 1] = weight[level].multiply(BigInteger.valueOf(c[1]));
            dfs(level + 1);
          }
        }
        for (int s : g.softAt.get(level)) {
          Table t = g.soft.get(s);
          scores[softParty[s]] -= t.isBroken(assignment) ? -t.constraint().weight() : t.constraint().weight();
        }
      }

      int[] values() {
        int[] v = new int[g.terms.length];
        for (int i = 0; i < v.length; i++) {
          v[i] = assignment[g.terms[i]];
        }
        return v;
      }
    }.dfs(0);
    // every value of a class that appears in the zone is in the zone
    for (int i = 0; i < g.terms.length; i++) {
      int t = g.terms[i];
      int[] all = fixedValue[t] >= 0 ? new int[] {fixedValue[t]} : space.distinct(t);
      List<Table> reading = tablesReading(tables, t);
      Map<Integer, String> keys = new HashMap<>();
      Set<String> usedKeys = new java.util.HashSet<>();
      for (int v : all) {
        keys.put(v, Space.signature(t, v, reading));
        if (used[i][v]) {
          usedKeys.add(keys.get(v));
        }
      }
      for (int v : all) {
        used[i][v] = usedKeys.contains(keys.get(v));
      }
    }
    return new Feasible(count[0], vectors, used);
  }

  private static List<Table> tablesReading(List<Table> tables, int t) {
    return tables.stream().filter(x -> x.reads(t)).toList();
  }

  /**
   * The minimal correction sets of a blocked group: the minimal sets of its red lines that some
   * combination breaks and nothing else, smallest first. A branch stops as soon as the red lines
   * it breaks include a set already found.
   */
  private List<List<Constraint>> corrections(Component g, int[] fixedValue) {
    Solver solver = new Solver(space, g.hardAndCoherent());
    Minimal.Result r =
        Minimal.corrections(
            solver,
            g.hard,
            g.coherent,
            fixedValue,
            () -> {
              stopped |= progress.cancelled();
              return stopped;
            });
    List<List<Constraint>> out = new ArrayList<>();
    for (List<Integer> f : r.sets()) {
      List<Constraint> cs = new ArrayList<>();
      f.forEach(h -> cs.add(g.hard.get(h).constraint()));
      out.add(order(cs));
    }
    out.sort(
        Comparator.<List<Constraint>>comparingInt(List::size)
            .thenComparing((a, b) -> compareLists(a, b)));
    return out;
  }

  private int compareLists(List<Constraint> a, List<Constraint> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(problem.hard().indexOf(a.get(i)), problem.hard().indexOf(b.get(i)));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Whether a party's result counts as not rejecting, for a problem with or without objections. */
  static final class Acceptance {
    private Acceptance() {}

    /** True when {@code r} breaks no red line (nor objection, when they count) and leaves none open. */
    static boolean holds(PartyResult r, boolean objections) {
      if (r.verdict() == Verdict.REJECTS) {
        return false;
      }
      for (var c : r.constraints()) {
        Kind k = c.constraint().kind();
        boolean hard = k == Kind.RED_LINE || (objections && k == Kind.OBJECTION);
        if (hard && c.status() != Status.SATISFIED) {
          return false;
        }
      }
      return true;
    }
  }
}
