package redline.explore;

import redline.analysis.Solver;
import redline.analysis.Space;
import redline.analysis.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.engine.Evaluator;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Location;
import redline.model.PartyResult;
import redline.model.Party;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;

/**
 * The smallest changes to a draft after which no considered party rejects it. The terms split
 * into independent groups ({@link Component}); a group that the draft already satisfies needs no
 * change; in every other group, sets of its set terms are tried by increasing size (a set that
 * contains a smaller working set is skipped, so every set found is minimal) and every value
 * combination of the changed terms is searched with pruning. The groups' options are then
 * combined cheapest first, and every suggestion is re-evaluated by the engine before it is
 * returned: one the engine does not confirm is dropped and reported as an error. Never prints.
 */
public final class Nearest {
  private static final int CHECK_EVERY = 1 << 12;

  private final Evaluator evaluator;
  private final Space space;
  private final Problem problem;
  private final Progress progress;
  private long nodes;
  private boolean stopped;

  private Nearest(Evaluator evaluator, Space space, Problem problem, Progress progress) {
    this.evaluator = evaluator;
    this.space = space;
    this.problem = problem;
    this.progress = progress;
  }

  /** The suggestions for {@code draft}, at most {@code maxChanges} changes and {@code limit} suggestions. */
  public static Suggestions search(
      Evaluator evaluator, Problem problem, Proposal draft, int maxChanges, int limit, Progress progress) {
    return search(evaluator, spaceFor(evaluator, draft), problem, draft, maxChanges, limit, progress);
  }

  /** The space of {@code evaluator}'s rules holding {@code draft}'s own values too. */
  public static Space spaceFor(Evaluator evaluator, Proposal draft) {
    Map<String, List<TermValue>> extra = new LinkedHashMap<>();
    draft.terms().forEach((t, v) -> extra.put(t, List.of(v)));
    return Space.of(evaluator, extra);
  }

  /** As above, over a space already decided (it must hold the draft's values). */
  public static Suggestions search(
      Evaluator evaluator, Space space, Problem problem, Proposal draft, int maxChanges, int limit, Progress progress) {
    return new Nearest(evaluator, space, problem, progress).run(draft, Math.max(0, maxChanges), Math.max(1, limit));
  }

  /** One way to satisfy a group: term changes and settled open terms, and the score change per party. */
  private record Option(int[] terms, int[] values, int changes, int[] delta, int lost) {}

  private Suggestions run(Proposal draft, int maxChanges, int limit) {
    Evaluation before = evaluator.evaluate(draft);
    if (!before.errors().isEmpty()) {
      // a draft that cannot exist, or rules that fail on it: nothing to start from
      return new Suggestions(
          draft, before, problem.parties(), problem.objections(), maxChanges, List.of(), List.of(), List.of(), List.of(), -1, 0, false,
          before.errors(), Ranges.of(space));
    }
    int n = space.terms().size();
    int[] draftValue = new int[n];
    for (int t = 0; t < n; t++) {
      TermValue v = draft.terms().get(space.terms().get(t));
      draftValue[t] = v == null ? -1 : space.valueIndex(t, v);
    }
    List<Component> groups = Component.split(space, problem);
    List<String> open = space.terms().stream().filter(t -> !draft.terms().containsKey(t)).toList();
    List<String> settle = new ArrayList<>();
    boolean[] mustSettle = new boolean[n];
    for (Component g : groups) {
      for (Table h : g.hard) {
        for (int t : h.termIndexes()) {
          if (draftValue[t] < 0) {
            mustSettle[t] = true;
          }
        }
      }
    }
    for (int t = 0; t < n; t++) {
      if (mustSettle[t]) {
        settle.add(space.terms().get(t));
      }
    }
    // groups the draft satisfies (once settled) need no change: find them first
    List<List<Option>> options = new ArrayList<>();
    int needing = 0;
    int done = 0;
    for (Component g : groups) {
      stopped |= progress.cancelled();
      List<Option> zero = stopped ? List.of() : options(g, draftValue, mustSettle, 0, 0);
      options.add(zero);
      needing += zero.isEmpty() ? 1 : 0;
      progress.update("searching", ++done, groups.size() * 2L);
    }
    List<String> blocked = new ArrayList<>();
    for (int gi = 0; gi < groups.size(); gi++) {
      Component g = groups.get(gi);
      if (!stopped && options.get(gi).isEmpty() && !possible(g, draftValue, mustSettle)) {
        Arrays.stream(g.terms).sorted().forEach(t -> blocked.add(space.terms().get(t)));
      }
    }
    int atLeast = needing;
    int budget = maxChanges - Math.max(0, needing - 1);
    if (needing > 0 && budget >= 1 && blocked.isEmpty()) {
      int gi = 0;
      for (Component g : groups) {
        stopped |= progress.cancelled();
        if (options.get(gi).isEmpty() && !stopped) {
          options.set(gi, options(g, draftValue, mustSettle, 1, budget));
        }
        progress.update("searching", ++done, groups.size() * 2L);
        gi++;
      }
    }
    List<Diagnostic> errors = new ArrayList<>(space.errors());
    List<Suggestions.Suggestion> suggestions = new ArrayList<>();
    boolean none = options.stream().anyMatch(List::isEmpty);
    if (!none && !stopped) {
      List<List<long[]>> costs = new ArrayList<>();
      for (List<Option> os : options) {
        costs.add(os.stream().map(o -> new long[] {o.changes, o.lost}).toList());
      }
      List<int[]> picks = KBest.best(costs, limit, new long[] {maxChanges, Long.MAX_VALUE});
      List<Proposal> proposals = new ArrayList<>();
      List<List<Suggestions.Change>> changes = new ArrayList<>();
      List<int[]> deltas = new ArrayList<>();
      int k = 0;
      for (int[] pick : picks) {
        Proposal p = new Proposal(draft.id() + "~" + (++k), draft.title(), draft.sources(), draft.asOf(), draft.terms(), "");
        List<Suggestions.Change> cs = new ArrayList<>();
        int[] delta = new int[problem.parties().size()];
        List<int[]> pairs = new ArrayList<>();
        for (int gi = 0; gi < pick.length; gi++) {
          Option o = options.get(gi).get(pick[gi]);
          for (int i = 0; i < o.terms.length; i++) {
            pairs.add(new int[] {o.terms[i], o.values[i]});
          }
          for (int i = 0; i < delta.length; i++) {
            delta[i] += o.delta[i];
          }
        }
        pairs.sort(Comparator.comparingInt(x -> x[0]));
        for (int[] pair : pairs) {
          String term = space.terms().get(pair[0]);
          TermValue to = space.values(pair[0]).get(pair[1]);
          cs.add(new Suggestions.Change(term, draft.terms().get(term), to));
          p = p.with(term, to);
        }
        proposals.add(p);
        changes.add(cs);
        deltas.add(delta);
      }
      List<Evaluation> after = evaluator.evaluateAll(proposals);
      for (int i = 0; i < proposals.size(); i++) {
        Evaluation e = after.get(i);
        errors.addAll(e.errors());
        if (!confirmed(before, e, deltas.get(i))) {
          errors.add(
              Diagnostic.error(
                  "nearest-mismatch",
                  Location.of(draft.file()),
                  "the engine did not confirm suggestion " + (i + 1) + ", so it is left out",
                  "please report this: it is a bug in redline"));
          continue;
        }
        // the score lost as the engine counts it: a preference that reads a term left open is
        // decided over the term's completions, which the search does not follow
        int lost = 0;
        for (Party party : problem.parties()) {
          lost += before.party(party.code()).orElseThrow().score() - e.party(party.code()).orElseThrow().score();
        }
        suggestions.add(new Suggestions.Suggestion(changes.get(i), proposals.get(i), e, lost, effects(before, e)));
      }
      suggestions.sort(Comparator.comparingInt(Suggestions.Suggestion::size).thenComparingInt(Suggestions.Suggestion::lost));
    }
    int minimum = suggestions.isEmpty() ? -1 : suggestions.get(0).size();
    return new Suggestions(
        draft, before, problem.parties(), problem.objections(), maxChanges, open, settle, blocked, suggestions, minimum,
        suggestions.isEmpty() ? (stopped ? atLeast : Math.max(atLeast, maxChanges + 1)) : minimum, stopped,
        errors, Ranges.of(space));
  }

  /**
   * True when some values of the group's set and settled terms break none of its hard constraints
   * and no coherence rule (a coherence rule reading a term the draft leaves open, and need not
   * settle, is left out: any value may follow there). Asked of the SAT solver over the group's
   * tables, which answers it exactly without walking the group's values.
   */
  private boolean possible(Component g, int[] draftValue, boolean[] mustSettle) {
    boolean[] open = new boolean[space.terms().size()];
    for (int t : g.terms) {
      open[t] = draftValue[t] < 0 && !mustSettle[t];
    }
    List<Table> tables = new ArrayList<>(g.hard);
    for (Table c : g.coherent) {
      if (!Component.readsOpen(c, open)) {
        tables.add(c);
      }
    }
    return new Solver(space, tables).exists(tables, List.of());
  }

  /** True when the engine agrees: no considered party rejects, and the scores moved as claimed. */
  private boolean confirmed(Evaluation before, Evaluation after, int[] delta) {
    if (!after.errors().isEmpty()) {
      return false;
    }
    for (int p = 0; p < problem.parties().size(); p++) {
      String code = problem.parties().get(p).code();
      PartyResult b = before.party(code).orElseThrow();
      PartyResult a = after.party(code).orElseThrow();
      if (!Explorer.Acceptance.holds(a, problem.objections()) || (!hasOpen(before) && a.score() != b.score() + delta[p])) {
        return false;
      }
    }
    return true;
  }

  /** True when the draft leaves some term open. */
  private boolean hasOpen(Evaluation draft) {
    return draft.proposal().terms().size() < space.terms().size();
  }

  /** What moved for each party between the draft's evaluation and a suggestion's. */
  private List<Suggestions.Effect> effects(Evaluation before, Evaluation after) {
    List<Suggestions.Effect> out = new ArrayList<>();
    for (PartyResult a : after.parties()) {
      PartyResult b = before.party(a.party().code()).orElseThrow();
      List<Constraint> fixes = new ArrayList<>();
      List<Constraint> breaks = new ArrayList<>();
      List<Constraint> costs = new ArrayList<>();
      List<Constraint> gains = new ArrayList<>();
      for (int i = 0; i < a.constraints().size(); i++) {
        ConstraintResult ca = a.constraints().get(i);
        ConstraintResult cb = b.constraints().get(i);
        if (ca.status() == cb.status()) {
          continue;
        }
        Constraint c = ca.constraint();
        if (c.kind() == Kind.PREFERENCE) {
          (rank(ca.status()) < rank(cb.status()) ? costs : gains).add(c);
        } else if (ca.status() == Status.SATISFIED) {
          fixes.add(c);
        } else if (ca.status() == Status.BROKEN) {
          breaks.add(c);
        }
      }
      boolean considered = problem.partyIndex(a.party().code()) >= 0;
      if (considered || !fixes.isEmpty() || !breaks.isEmpty() || !costs.isEmpty() || !gains.isEmpty() || a.verdict() != b.verdict()) {
        out.add(new Suggestions.Effect(a.party(), considered, b.verdict(), a.verdict(), b.score(), a.score(), fixes, breaks, costs, gains));
      }
    }
    return out;
  }

  private static int rank(Status s) {
    return switch (s) {
      case BROKEN -> -1;
      case UNDETERMINED -> 0;
      case SATISFIED -> 1;
    };
  }

  /**
   * The minimal ways to satisfy group {@code g}'s hard constraints by changing between
   * {@code from} and {@code to} of its set terms (and settling its open ones), cheapest first.
   * With {@code to == 0}, at most one option: the draft kept, open terms settled at best score.
   */
  private List<Option> options(Component g, int[] draftValue, boolean[] mustSettle, int from, int to) {
    List<Table> tables = g.hardAndCoherent();
    tables.addAll(g.soft);
    int len = g.terms.length;
    List<Integer> set = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      if (draftValue[g.terms[i]] >= 0) {
        set.add(i);
      }
    }
    boolean[] stay = new boolean[len];
    for (int i = 0; i < len; i++) {
      stay[i] = draftValue[g.terms[i]] < 0 && !mustSettle[g.terms[i]];
    }
    // the soft tables that read a term left open contribute nothing, before and after
    boolean[] softOpen = new boolean[g.soft.size()];
    int[] base = new int[problem.parties().size()];
    int[] softParty = g.soft.stream().mapToInt(t -> problem.partyIndex(t.constraint().party())).toArray();
    int[] draftAssignment = new int[space.terms().size()];
    for (int t = 0; t < draftAssignment.length; t++) {
      draftAssignment[t] = Math.max(0, draftValue[t]);
    }
    for (int s = 0; s < g.soft.size(); s++) {
      Table t = g.soft.get(s);
      boolean draftOpen = false;
      for (int x : t.termIndexes()) {
        for (int i = 0; i < len; i++) {
          if (g.terms[i] == x && stay[i]) {
            softOpen[s] = true;
          }
        }
        draftOpen |= draftValue[x] < 0;
      }
      if (!draftOpen) {
        int w = t.constraint().weight();
        base[softParty[s]] += t.isBroken(draftAssignment) ? -w : w;
      }
    }
    List<List<int[]>> classes = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      int t = g.terms[i];
      classes.add(Component.classes(t, space.distinct(t), tables));
    }
    List<Option> out = new ArrayList<>();
    List<boolean[]> working = new ArrayList<>();
    for (int k = from; k <= Math.min(to, set.size()) && !stopped; k++) {
      List<Option> found = new ArrayList<>();
      for (int[] combo : combinations(set.size(), k)) {
        boolean[] changed = new boolean[len];
        for (int c : combo) {
          changed[set.get(c)] = true;
        }
        if (working.stream().anyMatch(w -> contains(changed, w))) {
          continue;
        }
        List<Option> these = search(g, draftValue, changed, stay, classes, softOpen, softParty, base, k);
        if (!these.isEmpty()) {
          working.add(changed);
          found.addAll(these);
        }
        if (stopped) {
          break;
        }
      }
      out.addAll(found);
    }
    out.sort(Comparator.comparingInt((Option o) -> o.changes).thenComparingInt(o -> o.lost).thenComparing((a, b) -> compare(a, b)));
    if (to == 0 && out.size() > 1) {
      return List.of(out.get(0));
    }
    return out;
  }

  private static int compare(Option a, Option b) {
    int c = Arrays.compare(a.terms, b.terms);
    return c != 0 ? c : Arrays.compare(a.values, b.values);
  }

  private static boolean contains(boolean[] big, boolean[] small) {
    for (int i = 0; i < big.length; i++) {
      if (small[i] && !big[i]) {
        return false;
      }
    }
    return true;
  }

  /** Every way to satisfy the group changing exactly the {@code changed} terms, best settle per change. */
  private List<Option> search(
      Component g,
      int[] draftValue,
      boolean[] changed,
      boolean[] stay,
      List<List<int[]>> classes,
      boolean[] softOpen,
      int[] softParty,
      int[] base,
      int k) {
    int len = g.terms.length;
    List<List<Integer>> cands = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      int t = g.terms[i];
      List<Integer> vs = new ArrayList<>();
      if (stay[i]) {
        vs.add(-1);
      } else if (draftValue[t] >= 0 && !changed[i]) {
        vs.add(draftValue[t]);
      } else {
        int draftCanon = draftValue[t] >= 0 ? space.canonical(t, draftValue[t]) : -1;
        for (int[] members : classes.get(i)) {
          if (Arrays.stream(members).anyMatch(m -> m == draftCanon)) {
            continue;
          }
          vs.add(draftValue[t] >= 0 ? closest(t, members, draftValue[t]) : members[0]);
        }
      }
      cands.add(vs);
    }
    int[] assignment = new int[space.terms().size()];
    int[] scores = new int[problem.parties().size()];
    boolean[] open = new boolean[space.terms().size()];
    for (int i = 0; i < len; i++) {
      open[g.terms[i]] = stay[i];
    }
    Map<String, Option> best = new LinkedHashMap<>();
    new Object() {
      void dfs(int level) {
        if (++nodes % CHECK_EVERY == 0 && progress.cancelled()) {
          stopped = true;
        }
        if (stopped || !g.coherent(level, assignment, open)) {
          return;
        }
        for (int h : g.hardAt.get(level)) {
          if (g.hard.get(h).isBroken(assignment)) {
            return;
          }
        }
        for (int s : g.softAt.get(level)) {
          if (!softOpen[s]) {
            Table t = g.soft.get(s);
            scores[softParty[s]] += t.isBroken(assignment) ? -t.constraint().weight() : t.constraint().weight();
          }
        }
        if (level == len) {
          leaf();
        } else {
          for (int v : cands.get(level)) {
            assignment[g.terms[level]] = Math.max(0, v);
            dfs(level + 1);
          }
        }
        for (int s : g.softAt.get(level)) {
          if (!softOpen[s]) {
            Table t = g.soft.get(s);
            scores[softParty[s]] -= t.isBroken(assignment) ? -t.constraint().weight() : t.constraint().weight();
          }
        }
      }

      void leaf() {
        List<Integer> terms = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < len; i++) {
          int t = g.terms[i];
          if (changed[i] || (draftValue[t] < 0 && !stay[i])) {
            terms.add(t);
            values.add(assignment[t]);
            if (changed[i]) {
              key.append(t).append('=').append(assignment[t]).append(';');
            }
          }
        }
        int[] delta = new int[scores.length];
        int lost = 0;
        for (int p = 0; p < scores.length; p++) {
          delta[p] = scores[p] - base[p];
          lost -= delta[p];
        }
        int[] ts = terms.stream().mapToInt(Integer::intValue).toArray();
        int[] vs = values.stream().mapToInt(Integer::intValue).toArray();
        Option o = new Option(ts, vs, k, delta, lost);
        best.merge(key.toString(), o, (a, b) -> b.lost < a.lost ? b : a);
      }
    }.dfs(0);
    return new ArrayList<>(best.values());
  }

  /** The member of a class closest to the draft's value: fewest options changed, or nearest number. */
  private int closest(int t, int[] members, int draft) {
    TermValue d = space.values(t).get(draft);
    int best = members[0];
    long bestDistance = Long.MAX_VALUE;
    for (int m : members) {
      long dist = distance(d, space.values(t).get(m));
      if (dist < bestDistance) {
        best = m;
        bestDistance = dist;
      }
    }
    return best;
  }

  private static long distance(TermValue a, TermValue b) {
    if (a instanceof TermValue.Many x && b instanceof TermValue.Many y) {
      long d = 0;
      for (String o : x.options()) {
        d += y.options().contains(o) ? 0 : 1;
      }
      for (String o : y.options()) {
        d += x.options().contains(o) ? 0 : 1;
      }
      return d;
    }
    if (a instanceof TermValue.Number x && b instanceof TermValue.Number y) {
      return Math.abs((long) x.value() - y.value());
    }
    return 0;
  }

  /** Every {@code k}-subset of {@code 0..n-1}, in lexicographic order. */
  static List<int[]> combinations(int n, int k) {
    List<int[]> out = new ArrayList<>();
    int[] c = new int[k];
    for (int i = 0; i < k; i++) {
      c[i] = i;
    }
    if (k > n) {
      return out;
    }
    while (true) {
      out.add(c.clone());
      int i = k - 1;
      while (i >= 0 && c[i] == n - k + i) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      c[i]++;
      for (int j = i + 1; j < k; j++) {
        c[j] = c[j - 1] + 1;
      }
    }
  }
}
