package redline.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import redline.model.Comparison;
import redline.model.Constraint;
import redline.model.Limit;
import redline.model.Term;
import redline.model.TermValue;

/**
 * The finite values each term ranges over when every constraint is decided: a {@code one} term
 * over its options, a {@code set} term over every subset of its options, and a {@code number}
 * term over the boundary values the rules compare it against (each threshold, the value just
 * above it, zero and {@code NONE}, each with every combination of the flags that some rule
 * reads), which covers every region the comparisons can tell apart.
 */
public final class Domains {
  private Domains() {}

  /** The values each term ranges over, in vocabulary order. */
  public static Map<String, List<TermValue>> of(RuleBook book) {
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
}
