package redline.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import redline.model.Comparison;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Limit;
import redline.model.Proposal;
import redline.model.Term;
import redline.model.TermValue;

/**
 * Every constraint decided by Drools over every combination of the values of the few terms it
 * reads: the exact, finite basis on which the checker and the explorer reason. A {@code one}
 * term ranges over its options, a {@code set} term over every subset of its options, and a
 * {@code number} term over the boundary values the rules compare it against (each threshold,
 * the value just above it, zero and {@code NONE}, each with every combination of the flags
 * that some rule reads), which covers every region the comparisons can tell apart. Immutable.
 */
public final class Decisions {
  private final Map<String, List<TermValue>> domains;
  private final Map<String, Table> tables;
  private final List<Diagnostic> errors;

  /**
   * One constraint's decision table: the terms it reads, in order, and for every combination
   * of their values (indexed in mixed radix, the first term varying slowest) whether the
   * constraint is broken.
   */
  public record Table(Constraint constraint, List<String> terms, int[] sizes, boolean[] broken) {
    public Table {
      terms = List.copyOf(terms);
      sizes = sizes.clone();
      broken = broken.clone();
    }

    /** The number of combinations. */
    public int rows() {
      return broken.length;
    }

    /** Whether the constraint is broken when term {@code i} takes value index {@code values[i]}. */
    public boolean isBroken(int[] values) {
      return broken[index(values)];
    }

    /** Whether row {@code row} breaks the constraint. */
    public boolean isBroken(int row) {
      return broken[row];
    }

    /** The mixed-radix index of a combination. */
    public int index(int[] values) {
      int idx = 0;
      for (int i = 0; i < sizes.length; i++) {
        idx = idx * sizes[i] + values[i];
      }
      return idx;
    }

    /** The value indexes of row {@code row}. */
    public int[] values(int row) {
      int[] v = new int[sizes.length];
      for (int i = sizes.length - 1; i >= 0; i--) {
        v[i] = row % sizes[i];
        row /= sizes[i];
      }
      return v;
    }

    /** True when some combination breaks the constraint. */
    public boolean canBreak() {
      for (boolean b : broken) {
        if (b) {
          return true;
        }
      }
      return false;
    }

    /** True when some combination satisfies the constraint. */
    public boolean canSatisfy() {
      for (boolean b : broken) {
        if (!b) {
          return true;
        }
      }
      return false;
    }
  }

  private Decisions(Map<String, List<TermValue>> domains, Map<String, Table> tables, List<Diagnostic> errors, Set<String> failed) {
    this.domains = domains;
    this.tables = tables;
    this.errors = List.copyOf(errors);
    this.failed = Set.copyOf(failed);
  }

  private final Set<String> failed;

  /**
   * The ids of the constraints whose rule failed on some of the values tried: their tables are
   * incomplete, so nothing may be concluded from them (not never-broken, not always-broken).
   */
  public Set<String> failed() {
    return failed;
  }

  /** Decides every constraint of the evaluator's rule book, in one Drools session. */
  public static Decisions compute(Evaluator evaluator) {
    return compute(evaluator, null);
  }

  /**
   * As {@link #compute(Evaluator)}, but takes from {@code known} (decisions over another day's
   * positions of the same compiled rules) the table of every constraint whose terms have the same
   * values to decide over here: the table depends only on the rule and those values, so only the
   * other constraints are run through Drools again.
   */
  public static Decisions compute(Evaluator evaluator, Decisions known) {
    RuleBook book = evaluator.ruleBook();
    Map<String, List<TermValue>> domains = domains(book);
    List<Proposal> probes = new ArrayList<>();
    List<int[]> spans = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>(book.constraints());
    constraints.addAll(book.coherence()); // coherence rules are decided the same way
    Map<String, Table> reused = new LinkedHashMap<>();
    if (known != null && known.errors.isEmpty()) {
      for (Constraint c : constraints) {
        Table t = known.tables.get(c.id());
        if (t != null && t.constraint().equals(c) && c.reads().stream().allMatch(term -> domains.get(term).equals(known.domains.get(term)))) {
          reused.put(c.id(), t);
        }
      }
    }
    for (Constraint c : constraints) {
      if (reused.containsKey(c.id())) {
        spans.add(null);
        continue;
      }
      List<String> terms = new ArrayList<>(c.reads());
      int[] sizes = sizes(terms, domains);
      int rows = 1;
      for (int s : sizes) {
        rows = Math.multiplyExact(rows, s);
      }
      int start = probes.size();
      for (int row = 0; row < rows; row++) {
        Map<String, TermValue> assignment = new LinkedHashMap<>();
        int r = row;
        for (int i = terms.size() - 1; i >= 0; i--) {
          assignment.put(terms.get(i), domains.get(terms.get(i)).get(r % sizes[i]));
          r /= sizes[i];
        }
        probes.add(Proposal.of(c.id() + "#" + row, assignment));
      }
      spans.add(new int[] {start, rows});
    }
    Evaluator.Firings firings = evaluator.fire(probes);
    Map<String, Table> tables = new LinkedHashMap<>();
    Set<String> failed = new java.util.TreeSet<>();
    for (int k = 0; k < constraints.size(); k++) {
      Constraint c = constraints.get(k);
      if (reused.containsKey(c.id())) {
        tables.put(c.id(), reused.get(c.id()));
        continue;
      }
      List<String> terms = new ArrayList<>(c.reads());
      int[] span = spans.get(k);
      boolean[] broken = new boolean[span[1]];
      for (int row = 0; row < span[1]; row++) {
        broken[row] = firings.broke(span[0] + row, c.id());
        if (firings.failed(span[0] + row)) {
          failed.add(c.id());
        }
      }
      tables.put(c.id(), new Table(c, terms, sizes(terms, domains), broken));
    }
    return new Decisions(
        Collections.unmodifiableMap(domains), Collections.unmodifiableMap(tables), firings.errors(), failed);
  }

  private static int[] sizes(List<String> terms, Map<String, List<TermValue>> domains) {
    int[] sizes = new int[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      sizes[i] = domains.get(terms.get(i)).size();
    }
    return sizes;
  }

  /** The values each term ranges over, in vocabulary order. */
  public static Map<String, List<TermValue>> domains(RuleBook book) {
    Map<String, List<TermValue>> out = new LinkedHashMap<>();
    for (Term t : book.vocabulary().terms().values()) {
      out.put(t.name(), domain(t, book));
    }
    return out;
  }

  private static List<TermValue> domain(Term t, RuleBook book) {
    List<TermValue> values = new ArrayList<>();
    switch (t.kind()) {
      case ONE -> t.options().keySet().forEach(o -> values.add(new TermValue.One(o)));
      case SET -> {
        List<String> options = new ArrayList<>(t.options().keySet());
        int n = options.size();
        if (n > 16) {
          throw new IllegalStateException("term `" + t.name() + "` has more than 16 options");
        }
        for (int mask = 0; mask < (1 << n); mask++) {
          Set<String> subset = new TreeSet<>();
          for (int i = 0; i < n; i++) {
            if ((mask & (1 << i)) != 0) {
              subset.add(options.get(i));
            }
          }
          values.add(new TermValue.Many(new TreeSet<>(subset)));
        }
      }
      case NUMBER -> {
        TreeSet<Integer> points = new TreeSet<>();
        points.add(0);
        for (Constraint c : allRules(book)) {
          for (Comparison cmp : c.comparisons()) {
            if (cmp.term().equals(t.name()) && !cmp.isFlag() && !cmp.literal().equals("Limit.NONE")) {
              long v = Long.parseLong(cmp.literal());
              if (v >= 0 && v < Limit.NONE - 1L) {
                points.add((int) v);
                points.add((int) v + 1);
              }
            }
          }
        }
        points.addAll(t.values());
        if (t.allowsNone()) {
          points.add(Limit.NONE);
        }
        List<String> flags = readFlags(t, book);
        for (int p : points) {
          for (int mask = 0; mask < (1 << flags.size()); mask++) {
            Map<String, Boolean> set = new LinkedHashMap<>();
            for (int i = 0; i < flags.size(); i++) {
              set.put(flags.get(i), (mask & (1 << i)) != 0);
            }
            values.add(new TermValue.Number(p, set));
          }
        }
      }
    }
    return values;
  }

  /** The party constraints and the coherence rules: every rule whose comparisons split a domain. */
  private static List<Constraint> allRules(RuleBook book) {
    List<Constraint> all = new ArrayList<>(book.constraints());
    all.addAll(book.coherence());
    return all;
  }

  /** The flags of a number term that some rule reads; only those are varied. */
  private static List<String> readFlags(Term t, RuleBook book) {
    Set<String> fields = new java.util.HashSet<>();
    for (Constraint c : allRules(book)) {
      for (Comparison cmp : c.comparisons()) {
        if (cmp.isFlag()) {
          fields.add(cmp.field());
        }
      }
    }
    List<String> read = new ArrayList<>();
    for (String flag : t.flags().keySet()) {
      if (fields.contains(t.flagField(flag))) {
        read.add(flag);
      }
    }
    return read;
  }

  /** The values each term ranges over. */
  public Map<String, List<TermValue>> domains() {
    return domains;
  }

  /** The decision table of constraint {@code id}. */
  public Table table(String id) {
    Table t = tables.get(id);
    if (t == null) {
      throw new IllegalArgumentException("no constraint `" + id + "`");
    }
    return t;
  }

  /** Every table, in rule-book order: the party constraints, then the coherence rules. */
  public Map<String, Table> tables() {
    return tables;
  }

  /** Problems met while running the rules (a rule that failed or looped). */
  public List<Diagnostic> errors() {
    return errors;
  }
}
