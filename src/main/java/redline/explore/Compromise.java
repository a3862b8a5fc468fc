package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.engine.Evaluator;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;

/**
 * The best compromise when no version of a draft within the allowed changes keeps every
 * considered party: the versions that leave the fewest parties rejecting, then break the fewest
 * of their red lines, then change the fewest terms, then lose the least preference score. The
 * fewest parties rejecting is exact: the largest sets of parties some version keeps are found by
 * the same exact search as {@link Nearest}, one set of parties at a time, largest sets first.
 * Among the versions found for those sets, red lines, changes and score are counted by the
 * engine. Immutable.
 *
 * @param considered the parties asked about
 * @param kept the size of the largest set of them some version keeps (0 when none)
 * @param entries the best versions, best first
 * @param partial true when a search was stopped before it finished
 */
public record Compromise(List<Party> considered, int kept, List<Entry> entries, boolean partial) {
  public Compromise {
    considered = List.copyOf(considered);
    entries = List.copyOf(entries);
  }

  /**
   * One version: the suggestion (changes and the engine's evaluation), the considered parties
   * that still reject it, the red lines (and objections, when they count) it breaks, and the
   * preference score the considered parties lose, as the engine counts it.
   */
  public record Entry(Suggestions.Suggestion suggestion, List<Party> rejecting, List<Constraint> broken, int lost) {
    public Entry {
      rejecting = List.copyOf(rejecting);
      broken = List.copyOf(broken);
    }
  }

  /** True when some version keeps at least one party. */
  public boolean found() {
    return !entries.isEmpty();
  }

  /** The best compromise for {@code draft} under {@code problem}, searched over {@code space}. */
  public static Compromise search(
      Evaluator evaluator, Space space, Problem problem, Proposal draft, int maxChanges, int limit, Progress progress) {
    List<Party> parties = problem.parties();
    int n = parties.size();
    if (n > 16) {
      throw new IllegalArgumentException("a compromise is searched among at most 16 parties");
    }
    Evaluation before = evaluator.evaluate(draft);
    boolean partial = false;
    Map<String, Entry> found = new LinkedHashMap<>();
    int kept = 0;
    for (int size = n - 1; size >= 1 && found.isEmpty() && !partial; size--) {
      for (int mask = (1 << n) - 1; mask > 0; mask--) {
        if (Integer.bitCount(mask) != size) {
          continue;
        }
        if (progress.cancelled()) {
          partial = true;
          break;
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            codes.add(parties.get(i).code());
          }
        }
        Problem sub = subProblem(problem, codes);
        Suggestions x = Nearest.search(evaluator, space, sub, draft, maxChanges, limit, progress);
        partial |= x.partial();
        for (Suggestions.Suggestion g : x.suggestions()) {
          found.putIfAbsent(key(g), entry(problem, before, g));
        }
      }
      kept = found.isEmpty() ? 0 : size;
    }
    List<Entry> ranked = new ArrayList<>(found.values());
    ranked.sort(
        Comparator.comparingInt((Entry e) -> e.rejecting().size())
            .thenComparingInt(e -> e.broken().size())
            .thenComparingInt(e -> e.suggestion().size())
            .thenComparingInt(Entry::lost));
    return new Compromise(parties, kept, ranked.subList(0, Math.min(Math.max(1, limit), ranked.size())), partial);
  }

  /** The problem of some of {@code problem}'s parties, with the same coherence rules. */
  private static Problem subProblem(Problem problem, List<String> codes) {
    List<Party> parties = problem.parties().stream().filter(p -> codes.contains(p.code())).toList();
    List<Constraint> hard = problem.hard().stream().filter(c -> codes.contains(c.party())).toList();
    List<Constraint> soft = problem.soft().stream().filter(c -> codes.contains(c.party())).toList();
    return problem.with(parties, hard, soft);
  }

  private static String key(Suggestions.Suggestion g) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, TermValue> e : g.proposal().terms().entrySet()) {
      sb.append(e.getKey()).append('=').append(e.getValue().render()).append(';');
    }
    return sb.toString();
  }

  private static Entry entry(Problem problem, Evaluation before, Suggestions.Suggestion g) {
    List<Party> rejecting = new ArrayList<>();
    List<Constraint> broken = new ArrayList<>();
    int lost = 0;
    for (Party p : problem.parties()) {
      PartyResult after = g.after().party(p.code()).orElseThrow();
      if (!Explorer.Acceptance.holds(after, problem.objections())) {
        rejecting.add(p);
      }
      for (ConstraintResult c : after.constraints()) {
        Kind k = c.constraint().kind();
        boolean hard = k == Kind.RED_LINE || (problem.objections() && k == Kind.OBJECTION);
        if (hard && c.status() == Status.BROKEN) {
          broken.add(c.constraint());
        }
      }
      lost += before.party(p.code()).orElseThrow().score() - after.score();
    }
    return new Entry(g, rejecting, broken, lost);
  }
}
