package redline.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Proposal;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.TermValue;

/**
 * The finite space of proposals the vocabulary allows, with every constraint decided by Drools
 * over it: {@link Decisions}' domains and tables, extended with any extra values a caller needs
 * (a draft's numbers, a fixed term's value), which are decided by Drools too. Number values that
 * no rule tells apart are one class: the space counts a number term by the ranges the rules
 * distinguish, not by its boundary points. Immutable.
 */
public final class Space {
  private final RuleBook book;
  private final List<String> terms;
  private final Map<String, Integer> termIndex;
  private final List<List<TermValue>> values;
  private final int[][] canon;
  private final List<Table> tables;
  private final Map<String, Table> byId;
  private final List<Diagnostic> errors;

  private Space(
      RuleBook book,
      List<String> terms,
      List<List<TermValue>> values,
      int[][] canon,
      List<Table> tables,
      List<Diagnostic> errors) {
    this.book = book;
    this.terms = List.copyOf(terms);
    Map<String, Integer> idx = new HashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      idx.put(terms.get(i), i);
    }
    this.termIndex = Collections.unmodifiableMap(idx);
    this.values = values.stream().map(List::copyOf).toList();
    this.canon = canon;
    this.tables = List.copyOf(tables);
    Map<String, Table> ids = new LinkedHashMap<>();
    tables.forEach(t -> ids.put(t.constraint().id(), t));
    this.byId = Collections.unmodifiableMap(ids);
    this.errors = List.copyOf(errors);
  }

  /** The space of {@code evaluator}'s rules, without extra values. */
  public static Space of(Evaluator evaluator) {
    return of(evaluator, Map.of());
  }

  /**
   * The space of {@code evaluator}'s rules, with {@code extra} values added to the domains of
   * their terms and every constraint that reads them decided by Drools for those values too.
   */
  public static Space of(Evaluator evaluator, Map<String, List<TermValue>> extra) {
    return of(Decisions.compute(evaluator), evaluator, extra);
  }

  /**
   * The space of {@code decisions} (made by {@code evaluator}), with {@code extra} values added
   * as above: the tables of the constraints that read no extended term are taken as they are.
   */
  public static Space of(Decisions decisions, Evaluator evaluator, Map<String, List<TermValue>> extra) {
    RuleBook book = evaluator.ruleBook();
    List<String> names = new ArrayList<>(decisions.domains().keySet());
    List<List<TermValue>> domains = new ArrayList<>();
    int[] base = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      List<TermValue> d = new ArrayList<>(decisions.domains().get(names.get(i)));
      base[i] = d.size();
      for (TermValue v : extra.getOrDefault(names.get(i), List.of())) {
        if (!d.contains(v)) {
          d.add(v);
        }
      }
      domains.add(d);
    }
    List<Diagnostic> errors = new ArrayList<>(decisions.errors());
    List<Table> tables = new ArrayList<>();
    List<BitSet> extended = new ArrayList<>(); // per table: its rows, when some term was extended
    List<int[]> extendedSizes = new ArrayList<>();
    List<Proposal> probes = new ArrayList<>();
    List<int[]> pending = new ArrayList<>(); // table index, row, probe index
    for (Table d : decisions.tables().values()) {
      int n = d.arity();
      int[] sizes = new int[n];
      boolean grown = false;
      int rows = 1;
      for (int i = 0; i < n; i++) {
        sizes[i] = domains.get(d.term(i)).size();
        grown |= sizes[i] != base[d.term(i)];
        rows = Math.multiplyExact(rows, sizes[i]);
      }
      if (!grown) {
        tables.add(d);
        extended.add(null);
        extendedSizes.add(null);
        continue;
      }
      BitSet broken = new BitSet(rows);
      int[] v = new int[n];
      for (int row = 0; row < rows; row++) {
        int r = row;
        boolean old = true;
        for (int i = n - 1; i >= 0; i--) {
          v[i] = r % sizes[i];
          r /= sizes[i];
          old &= v[i] < base[d.term(i)];
        }
        if (old) {
          broken.set(row, d.isBroken(d.rowOf(v)));
        } else {
          Map<String, TermValue> assignment = new LinkedHashMap<>();
          for (int i = 0; i < n; i++) {
            assignment.put(names.get(d.term(i)), domains.get(d.term(i)).get(v[i]));
          }
          pending.add(new int[] {tables.size(), row, probes.size()});
          probes.add(Proposal.of(d.constraint().id() + "#" + row, assignment));
        }
      }
      tables.add(d);
      extended.add(broken);
      extendedSizes.add(sizes);
    }
    if (!probes.isEmpty()) {
      Evaluator.Firings firings = evaluator.fire(probes);
      errors.addAll(firings.errors());
      for (int[] p : pending) {
        extended.get(p[0]).set(p[1], firings.broke(p[2], tables.get(p[0]).constraint().id()));
      }
    }
    for (int k = 0; k < tables.size(); k++) {
      if (extended.get(k) != null) {
        Table d = tables.get(k);
        tables.set(k, new Table(d.constraint(), d.names(), d.termIndexes(), extendedSizes.get(k), extended.get(k)));
      }
    }
    int[][] canon = new int[names.size()][];
    for (int i = 0; i < names.size(); i++) {
      canon[i] = canonical(book.vocabulary().terms().get(names.get(i)), i, domains.get(i), tables);
    }
    return new Space(book, names, domains, canon, tables, errors);
  }

  /**
   * For each value of term {@code t}, the index of the value that stands for its class: itself
   * for {@code one} and {@code set} terms; for a {@code number} term, the preferred value among
   * those that every constraint of the rule book treats alike.
   */
  private static int[] canonical(Term term, int t, List<TermValue> domain, List<Table> tables) {
    int[] out = new int[domain.size()];
    for (int v = 0; v < out.length; v++) {
      out[v] = v;
    }
    if (term.kind() != TermKind.NUMBER) {
      return out;
    }
    Map<String, List<Integer>> classes = new LinkedHashMap<>();
    for (int v = 0; v < domain.size(); v++) {
      classes.computeIfAbsent(signature(t, v, tables), k -> new ArrayList<>()).add(v);
    }
    for (List<Integer> members : classes.values()) {
      int best = members.get(0);
      for (int m : members) {
        if (preference(term, domain.get(m)) < preference(term, domain.get(best))) {
          best = m;
        }
      }
      for (int m : members) {
        out[m] = best;
      }
    }
    return out;
  }

  /** Lower is preferred as a class's shown value: reference values first, then the flagless. */
  private static int preference(Term term, TermValue v) {
    TermValue.Number n = (TermValue.Number) v;
    boolean reference = term.values().contains(n.value()) || n.value() == redline.model.Limit.NONE;
    return (reference ? 0 : 2) + (n.flags().isEmpty() ? 0 : 1);
  }

  /** Which rows break each constraint reading term {@code t} when it takes value {@code v}. */
  public static String signature(int t, int v, List<Table> tables) {
    StringBuilder sb = new StringBuilder();
    for (Table table : tables) {
      int pos = table.position(t);
      if (pos < 0) {
        continue;
      }
      sb.append(table.constraint().id()).append(':');
      for (int row = 0; row < table.rows(); row++) {
        if (table.digit(row, pos) == v) {
          sb.append(table.isBroken(row) ? '1' : '0');
        }
      }
      sb.append(';');
    }
    return sb.toString();
  }

  /** The rule book. */
  public RuleBook ruleBook() {
    return book;
  }

  /** The term names, in vocabulary order. */
  public List<String> terms() {
    return terms;
  }

  /** The index of term {@code name}, or -1. */
  public int term(String name) {
    return termIndex.getOrDefault(name, -1);
  }

  /** The values term {@code t} ranges over (class members included). */
  public List<TermValue> values(int t) {
    return values.get(t);
  }

  /** The index of {@code value} among term {@code t}'s values, or -1. */
  public int valueIndex(int t, TermValue value) {
    return values.get(t).indexOf(value);
  }

  /** The value standing for the class of value {@code v} of term {@code t}. */
  public int canonical(int t, int v) {
    return canon[t][v];
  }

  /** The distinct values of term {@code t}: one per class, in domain order. */
  public int[] distinct(int t) {
    return Arrays.stream(canon[t]).distinct().sorted().toArray();
  }

  /** Every constraint's table, in rule-book order. */
  public List<Table> tables() {
    return tables;
  }

  /** The table of constraint {@code id}. */
  public Table table(String id) {
    return byId.get(id);
  }

  /** Problems met while Drools decided the constraints. */
  public List<Diagnostic> errors() {
    return errors;
  }

  /** A proposal setting every term of {@code assignment} that is not negative. */
  public Proposal proposal(String id, int[] assignment) {
    Map<String, TermValue> m = new LinkedHashMap<>();
    for (int t = 0; t < terms.size(); t++) {
      if (assignment[t] >= 0) {
        m.put(terms.get(t), values.get(t).get(assignment[t]));
      }
    }
    return Proposal.of(id, m);
  }
}
