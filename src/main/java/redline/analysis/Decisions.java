package redline.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.BitSet;
import redline.engine.Domains;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Proposal;
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
    Map<String, List<TermValue>> domains = Domains.of(book);
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
    // Drools' decisions kept from an earlier process over the same compiled rules: a table
    // depends only on the rule and the values of the terms it reads, both in the key
    Map<String, BitSet> kept = keptTables(book);
    Map<String, BitSet> fresh = new java.util.HashMap<>();
    for (Constraint c : constraints) {
      BitSet rows = reused.containsKey(c.id()) ? null : kept.get(memoKey(c, domains));
      List<String> terms = new ArrayList<>(c.reads());
      if (rows != null && rows.length() <= rowCount(sizes(terms, domains))) {
        reused.put(c.id(), new Table(c, terms, indexes(terms, domains), sizes(terms, domains), rows));
      }
    }
    // one probe per combination of values of a list of terms, shared by every constraint that
    // reads exactly those terms (each reads only its own firings out of it)
    Map<List<String>, int[]> probed = new LinkedHashMap<>();
    for (Constraint c : constraints) {
      if (reused.containsKey(c.id())) {
        spans.add(null);
        continue;
      }
      List<String> terms = List.copyOf(c.reads());
      int[] span = probed.get(terms);
      if (span == null) {
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
          probes.add(Proposal.of(String.join("+", terms) + "#" + row, assignment));
        }
        span = new int[] {start, rows};
        probed.put(terms, span);
      }
      spans.add(span);
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
      BitSet broken = new BitSet(span[1]);
      for (int row = 0; row < span[1]; row++) {
        broken.set(row, firings.broke(span[0] + row, c.id()));
        if (firings.failed(span[0] + row)) {
          failed.add(c.id());
        }
      }
      tables.put(c.id(), new Table(c, terms, indexes(terms, domains), sizes(terms, domains), broken));
      fresh.put(memoKey(c, domains), broken);
    }
    // keep what Drools decided here for the next process, unless some rule failed or ran out of time
    if (!fresh.isEmpty() && firings.errors().isEmpty() && failed.isEmpty()) {
      java.util.HashMap<String, BitSet> all = new java.util.HashMap<>(kept);
      all.putAll(fresh);
      book.memo().write(MEMO, all);
    }
    return new Decisions(
        Collections.unmodifiableMap(domains), Collections.unmodifiableMap(tables), firings.errors(), failed);
  }

  /** The name under which the decided tables are kept beside the compiled rules. */
  static final String MEMO = "decisions";

  /** The tables kept for {@code book}'s rules, by {@link #memoKey}; empty when none were. */
  private static Map<String, BitSet> keptTables(RuleBook book) {
    Map<String, BitSet> out = new java.util.HashMap<>();
    book.memo()
        .read(MEMO, java.util.HashMap.class)
        .ifPresent(
            m -> {
              for (Object e : m.entrySet()) {
                Map.Entry<?, ?> entry = (Map.Entry<?, ?>) e;
                if (entry.getKey() instanceof String k && entry.getValue() instanceof BitSet b) {
                  out.put(k, b);
                }
              }
            });
    return out;
  }

  /**
   * What a table depends on besides the compiled rules (which the memo's key already names): the
   * constraint, and the values of each term it reads, in order.
   */
  private static String memoKey(Constraint c, Map<String, List<TermValue>> domains) {
    StringBuilder sb = new StringBuilder(c.id());
    for (String term : c.reads()) {
      sb.append('\u0000').append(term).append('=').append(domains.get(term));
    }
    return sb.toString();
  }

  /** The vocabulary index of each term: its place among the domains. */
  private static int[] indexes(List<String> terms, Map<String, List<TermValue>> domains) {
    List<String> order = new ArrayList<>(domains.keySet());
    int[] out = new int[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      out[i] = order.indexOf(terms.get(i));
    }
    return out;
  }

  private static long rowCount(int[] sizes) {
    long rows = 1;
    for (int s : sizes) {
      rows *= s;
    }
    return rows;
  }

  private static int[] sizes(List<String> terms, Map<String, List<TermValue>> domains) {
    int[] sizes = new int[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      sizes[i] = domains.get(terms.get(i)).size();
    }
    return sizes;
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

  /** Problems met while running the rules (a rule that failed or ran out of time). */
  public List<Diagnostic> errors() {
    return errors;
  }
}
