package redline.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * What the open terms of a proposal could still do to an UNDETERMINED party: for each of its
 * undetermined red lines and objections, the values of the open terms it reads that would break
 * it and those that would satisfy it, and the best and the worst verdict still possible over
 * every completion of those terms. Partial evaluation, as a policy engine's "unknowns" give it:
 * every completion is decided by Drools, and completions a coherence rule excludes are left out.
 * Immutable.
 *
 * @param best the most favourable verdict some completion gives (null when there were too many
 *     completions to try)
 * @param worst the least favourable verdict some completion gives (null likewise)
 * @param deciders the undetermined red lines, then objections, in rule-book order
 */
public record Outlook(Party party, Verdict best, Verdict worst, List<Decider> deciders) {
  /** The most completions tried for one party's open terms together. */
  public static final int MAX_COMPLETIONS = 4096;

  public Outlook {
    deciders = List.copyOf(deciders);
  }

  /**
   * One undetermined red line or objection: its open terms, and the completions of them (each a
   * value per open term, in vocabulary order) that break it and that satisfy it.
   */
  public record Decider(
      Constraint constraint, List<String> open, List<Map<String, TermValue>> breaking, List<Map<String, TermValue>> satisfying) {
    public Decider {
      open = List.copyOf(open);
      breaking = breaking.stream().map(m -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
      satisfying = satisfying.stream().map(m -> java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m))).toList();
    }
  }

  /** The outlook of every UNDETERMINED party of {@code evaluation}, in its order. */
  public static List<Outlook> of(Evaluator evaluator, Evaluation evaluation) {
    return of(evaluator, evaluation, MAX_COMPLETIONS);
  }

  /**
   * As above, enumerating the completions of a party's open terms together only up to
   * {@code maxJoint} of them, and searching beyond (tests use a small bound to exercise both).
   */
  public static List<Outlook> of(Evaluator evaluator, Evaluation evaluation, int maxJoint) {
    List<Outlook> out = new ArrayList<>();
    Proposal p = evaluation.proposal();
    Map<String, List<TermValue>> domains = evaluator.domains();
    Completed completed = Completed.of(evaluator, p, evaluation, domains);
    for (PartyResult r : evaluation.parties()) {
      if (r.verdict() != Verdict.UNDETERMINED) {
        continue;
      }
      List<Constraint> undecided = new ArrayList<>();
      for (Kind kind : List.of(Kind.RED_LINE, Kind.OBJECTION)) {
        for (ConstraintResult c : r.with(kind, Status.UNDETERMINED)) {
          undecided.add(c.constraint());
        }
      }
      TreeSet<String> union = new TreeSet<>();
      List<Decider> deciders = new ArrayList<>();
      for (Constraint c : undecided) {
        List<String> open = open(p, c, domains);
        union.addAll(open);
        deciders.add(completed.decider(evaluator, c, open));
      }
      List<String> all = ordered(domains, union);
      Verdict best = null;
      Verdict worst = null;
      List<Map<String, TermValue>> joint = completions(all, domains, maxJoint);
      if (joint != null) {
        // every red line and objection of the party reads only set or completed terms here, so
        // the rules that fire decide its verdict
        List<Proposal> probes = joint.stream().map(m -> complete(p, m)).toList();
        Evaluator.Firings f = evaluator.fire(probes);
        List<Constraint> own = evaluator.ruleBook().constraints(r.party().code());
        for (int i = 0; i < probes.size() && f.errors().isEmpty(); i++) {
          if (incoherent(evaluator, probes.get(i), f, i)) {
            continue; // a completion that cannot exist
          }
          boolean red = false;
          boolean objection = false;
          for (Constraint c : own) {
            // a rule that still reads an open term keeps the status the evaluation gave it
            boolean decided = probes.get(i).terms().keySet().containsAll(c.reads());
            boolean broken = decided ? f.broke(i, c.id()) : statusOf(r, c) == Status.BROKEN;
            red |= broken && c.kind() == Kind.RED_LINE;
            objection |= broken && c.kind() == Kind.OBJECTION;
          }
          Verdict v = red ? Verdict.REJECTS : objection ? Verdict.OBJECTS : Verdict.ACCEPTS;
          best = best == null || rank(v) > rank(best) ? v : best;
          worst = worst == null || rank(v) < rank(worst) ? v : worst;
        }
      }
      if (joint == null) {
        // too many to enumerate: search them, pruning with each constraint's breaking values
        boolean objects = !r.with(Kind.OBJECTION, Status.BROKEN).isEmpty();
        Verdict[] range = searched(evaluator, p, all, deciders, objects, domains);
        best = range[0];
        worst = range[1];
      }
      out.add(new Outlook(r.party(), best, worst, deciders));
    }
    return out;
  }

  /** The nodes a search for the best and worst verdict may visit before it gives up. */
  private static final int MAX_NODES = 200_000;

  /** A table over some open terms: the combinations of their values that break it. */
  private record Table(List<String> terms, java.util.Set<Map<String, TermValue>> breaking) {
    boolean broken(Map<String, TermValue> assignment) {
      Map<String, TermValue> key = new LinkedHashMap<>();
      for (String t : terms) {
        key.put(t, assignment.get(t));
      }
      return breaking.contains(key);
    }
  }

  /**
   * The best and worst verdicts by search over the open terms {@code all}, with the deciders'
   * breaking values and the coherence rules over those terms as tables; nulls when the search
   * is too large.
   */
  private static Verdict[] searched(
      Evaluator evaluator, Proposal p, List<String> all, List<Decider> deciders, boolean objects, Map<String, List<TermValue>> domains) {
    List<Table> red = new ArrayList<>();
    List<Table> objections = new ArrayList<>();
    for (Decider d : deciders) {
      (d.constraint().kind() == Kind.RED_LINE ? red : objections).add(new Table(d.open(), new java.util.HashSet<>(d.breaking())));
    }
    List<Table> coherence = new ArrayList<>();
    for (Constraint c : evaluator.ruleBook().coherence()) {
      List<String> open = open(p, c, domains);
      List<Map<String, TermValue>> each = open.isEmpty() || !all.containsAll(open) ? null : completions(open, domains);
      if (each != null) {
        // the combinations the coherence rule excludes: where it fires, all its terms set
        List<Proposal> probes = each.stream().map(m -> complete(p, m)).toList();
        Evaluator.Firings f = evaluator.fire(probes);
        java.util.Set<Map<String, TermValue>> excluded = new java.util.HashSet<>();
        for (int i = 0; i < each.size(); i++) {
          if (f.broke(i, c.id())) {
            excluded.add(each.get(i));
          }
        }
        coherence.add(new Table(open, excluded));
      }
    }
    int[] nodes = {0};
    List<Table> avoidAll = new ArrayList<>(coherence);
    avoidAll.addAll(red);
    avoidAll.addAll(objections);
    List<Table> avoidRed = new ArrayList<>(coherence);
    avoidRed.addAll(red);
    // a broken objection already rules out ACCEPTS
    Boolean accepts = objects ? Boolean.FALSE : exists(all, domains, avoidAll, null, nodes);
    Boolean holds = Boolean.TRUE.equals(accepts) ? Boolean.TRUE : exists(all, domains, avoidRed, null, nodes);
    Verdict best = accepts == null || holds == null ? null : accepts ? Verdict.ACCEPTS : holds ? Verdict.OBJECTS : Verdict.REJECTS;
    Verdict worst = null;
    boolean unknown = false;
    for (List<Table> group : List.of(red, objections)) {
      for (Table t : group) {
        if (group == objections && objects) {
          break; // already objects whatever the objections still open do
        }
        Boolean can = exists(all, domains, coherence, t, nodes);
        unknown |= can == null;
        if (Boolean.TRUE.equals(can)) {
          worst = group == red ? Verdict.REJECTS : Verdict.OBJECTS;
          break;
        }
      }
      if (worst != null) {
        break;
      }
    }
    if (worst == null && !unknown) {
      worst = objects ? Verdict.OBJECTS : Verdict.ACCEPTS;
    }
    return best == null || worst == null ? new Verdict[] {null, null} : new Verdict[] {best, worst};
  }

  /**
   * Whether some values of {@code terms} break none of {@code avoid} and break {@code must} (when
   * not null); null when the search visits more than {@link #MAX_NODES} nodes. Terms no table
   * links are searched apart: each group of linked terms on its own.
   */
  private static Boolean exists(
      List<String> terms, Map<String, List<TermValue>> domains, List<Table> avoid, Table must, int[] nodes) {
    List<Table> tables = new ArrayList<>(avoid);
    if (must != null) {
      tables.add(must);
    }
    Map<String, String> root = new LinkedHashMap<>();
    terms.forEach(t -> root.put(t, t));
    java.util.function.UnaryOperator<String> find =
        t -> {
          String r = t;
          while (!root.get(r).equals(r)) {
            r = root.get(r);
          }
          return r;
        };
    for (Table t : tables) {
      for (String x : t.terms()) {
        root.put(find.apply(x), find.apply(t.terms().get(0)));
      }
    }
    Map<String, List<String>> groups = new LinkedHashMap<>();
    for (String t : terms) {
      groups.computeIfAbsent(find.apply(t), k -> new ArrayList<>()).add(t);
    }
    for (List<String> group : groups.values()) {
      List<Table> own = tables.stream().filter(t -> group.contains(t.terms().get(0))).toList();
      if (own.isEmpty()) {
        continue; // nothing constrains these terms
      }
      Boolean found = search(group, domains, own.stream().filter(t -> t != must).toList(), own.contains(must) ? must : null, nodes);
      if (found == null || !found) {
        return found;
      }
    }
    return true;
  }

  /** The search of one group of linked terms; each table is checked once its last term is set. */
  private static Boolean search(
      List<String> terms, Map<String, List<TermValue>> domains, List<Table> avoid, Table must, int[] nodes) {
    List<List<Table>> at = new ArrayList<>();
    for (int i = 0; i <= terms.size(); i++) {
      at.add(new ArrayList<>());
    }
    for (Table t : avoid) {
      at.get(1 + t.terms().stream().mapToInt(terms::indexOf).max().orElse(-1)).add(t);
    }
    int mustAt = must == null ? -1 : 1 + must.terms().stream().mapToInt(terms::indexOf).max().orElse(-1);
    Map<String, TermValue> assignment = new LinkedHashMap<>();
    return new Object() {
      Boolean dfs(int level) {
        if (++nodes[0] > MAX_NODES) {
          return null;
        }
        for (Table t : at.get(level)) {
          if (t.broken(assignment)) {
            return false;
          }
        }
        if (level == mustAt && !must.broken(assignment)) {
          return false;
        }
        if (level == terms.size()) {
          return true;
        }
        String t = terms.get(level);
        for (TermValue v : domains.get(t)) {
          assignment.put(t, v);
          Boolean found = dfs(level + 1);
          if (found == null || found) {
            assignment.remove(t);
            return found;
          }
        }
        assignment.remove(t);
        return false;
      }
    }.dfs(0);
  }

  /**
   * The completions of each distinct set of open terms that some undetermined red line or
   * objection reads, all fired in one session: a decider reads its own rule's bits from them.
   */
  private record Completed(Map<List<String>, int[]> spans, List<Map<String, TermValue>> values, List<Proposal> probes, Evaluator.Firings firings) {
    static Completed of(Evaluator evaluator, Proposal p, Evaluation evaluation, Map<String, List<TermValue>> domains) {
      Map<List<String>, int[]> spans = new LinkedHashMap<>();
      List<Map<String, TermValue>> values = new ArrayList<>();
      for (PartyResult r : evaluation.parties()) {
        if (r.verdict() != Verdict.UNDETERMINED) {
          continue;
        }
        for (ConstraintResult c : r.with(Status.UNDETERMINED)) {
          List<String> open = open(p, c.constraint(), domains);
          if (spans.containsKey(open)) {
            continue;
          }
          List<Map<String, TermValue>> each = completions(open, domains);
          if (each != null) {
            spans.put(open, new int[] {values.size(), each.size()});
            values.addAll(each);
          }
        }
      }
      List<Proposal> probes = values.stream().map(m -> complete(p, m)).toList();
      return new Completed(spans, values, probes, evaluator.fire(probes));
    }

    Decider decider(Evaluator evaluator, Constraint c, List<String> open) {
      List<Map<String, TermValue>> breaking = new ArrayList<>();
      List<Map<String, TermValue>> satisfying = new ArrayList<>();
      int[] span = spans.get(open);
      if (span != null && firings.errors().isEmpty()) {
        for (int i = span[0]; i < span[0] + span[1]; i++) {
          if (!incoherent(evaluator, probes.get(i), firings, i)) {
            (firings.broke(i, c.id()) ? breaking : satisfying).add(values.get(i));
          }
        }
      }
      return new Decider(c, open, breaking, satisfying);
    }
  }

  private static Decider decider(Evaluator evaluator, Proposal p, Constraint c, List<String> open, Map<String, List<TermValue>> domains) {
    List<Map<String, TermValue>> breaking = new ArrayList<>();
    List<Map<String, TermValue>> satisfying = new ArrayList<>();
    List<Map<String, TermValue>> each = completions(open, domains);
    if (each != null) {
      List<Proposal> probes = each.stream().map(m -> complete(p, m)).toList();
      Evaluator.Firings f = evaluator.fire(probes);
      for (int i = 0; i < each.size() && f.errors().isEmpty(); i++) {
        if (!incoherent(evaluator, probes.get(i), f, i)) {
          (f.broke(i, c.id()) ? breaking : satisfying).add(each.get(i));
        }
      }
    }
    return new Decider(c, open, breaking, satisfying);
  }

  private static Status statusOf(PartyResult r, Constraint c) {
    for (ConstraintResult x : r.constraints()) {
      if (x.constraint().id().equals(c.id())) {
        return x.status();
      }
    }
    return Status.UNDETERMINED;
  }

  /** True when a coherence rule whose terms are all set holds for probe {@code i}. */
  private static boolean incoherent(Evaluator evaluator, Proposal probe, Evaluator.Firings f, int i) {
    for (Constraint c : evaluator.ruleBook().coherence()) {
      if (f.broke(i, c.id()) && probe.terms().keySet().containsAll(c.reads())) {
        return true;
      }
    }
    return false;
  }

  private static List<String> open(Proposal p, Constraint c, Map<String, List<TermValue>> domains) {
    return ordered(domains, c.reads().stream().filter(t -> !p.terms().containsKey(t)).toList());
  }

  private static List<String> ordered(Map<String, List<TermValue>> domains, java.util.Collection<String> terms) {
    return domains.keySet().stream().filter(terms::contains).toList();
  }

  /** Every completion of {@code terms}, or null when there are more than {@link #MAX_COMPLETIONS}. */
  private static List<Map<String, TermValue>> completions(List<String> terms, Map<String, List<TermValue>> domains) {
    return completions(terms, domains, MAX_COMPLETIONS);
  }

  private static List<Map<String, TermValue>> completions(List<String> terms, Map<String, List<TermValue>> domains, int max) {
    long count = 1;
    for (String t : terms) {
      count *= domains.get(t).size();
      if (count > max) {
        return null;
      }
    }
    List<Map<String, TermValue>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (String t : terms) {
      List<Map<String, TermValue>> next = new ArrayList<>();
      for (Map<String, TermValue> m : out) {
        for (TermValue v : domains.get(t)) {
          Map<String, TermValue> q = new LinkedHashMap<>(m);
          q.put(t, v);
          next.add(q);
        }
      }
      out = next;
    }
    return out;
  }

  private static Proposal complete(Proposal p, Map<String, TermValue> values) {
    Map<String, TermValue> terms = new LinkedHashMap<>(p.terms());
    terms.putAll(values);
    return new Proposal(p.id(), p.title(), p.sources(), p.asOf(), terms, p.file());
  }

  /** Higher is better for the party's acceptance. */
  private static int rank(Verdict v) {
    return switch (v) {
      case REJECTS -> 0;
      case UNDETERMINED -> 1;
      case OBJECTS -> 2;
      case ACCEPTS -> 3;
    };
  }
}
