package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import redline.model.Limit;
import redline.model.TermValue;

/**
 * How a value of a {@code number} term found by the search is shown: as the range of numbers it
 * stands for ("600,001 to 799,999"), since every number of its class is decided alike by every
 * rule; one and set values are shown as they are. Immutable.
 *
 * @param text per number term, the shown text of each value of its domain
 */
public record Ranges(Map<String, Map<TermValue, String>> text) {
  /** No ranges: every value shown as it is. */
  public static final Ranges NONE = new Ranges(Map.of());

  public Ranges {
    Map<String, Map<TermValue, String>> copy = new LinkedHashMap<>();
    text.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    text = Collections.unmodifiableMap(copy);
  }

  /** The shown text of {@code value} of {@code term}: its range for a number class, else its rendering. */
  public String render(String term, TermValue value) {
    if (value == null) {
      return "(open)";
    }
    Map<TermValue, String> m = text.get(term);
    String s = m == null ? null : m.get(value);
    return s == null ? value.render() : s;
  }

  /** The ranges of the number classes of {@code space}. */
  public static Ranges of(Space space) {
    Map<String, Map<TermValue, String>> out = new LinkedHashMap<>();
    for (int t = 0; t < space.terms().size(); t++) {
      List<TermValue> values = space.values(t);
      if (values.isEmpty() || !(values.get(0) instanceof TermValue.Number)) {
        continue;
      }
      Map<TermValue, String> shown = new LinkedHashMap<>();
      for (int v = 0; v < values.size(); v++) {
        TermValue.Number n = (TermValue.Number) values.get(v);
        // the boundaries among values with the same flags: the thresholds the rules compare with are
        // in every flag variant; a draft's own value may be in one variant only
        TreeSet<Integer> points = new TreeSet<>();
        for (TermValue x : values) {
          if (((TermValue.Number) x).flags().equals(n.flags())) {
            points.add(((TermValue.Number) x).value());
          }
        }
        // the numbers this class covers: each member's value up to the next point of the domain
        TreeSet<Integer> starts = new TreeSet<>();
        for (int m = 0; m < values.size(); m++) {
          TermValue.Number x = (TermValue.Number) values.get(m);
          if (space.canonical(t, m) == space.canonical(t, v) && x.flags().equals(n.flags())) {
            starts.add(x.value());
          }
        }
        List<String> parts = new ArrayList<>();
        Integer lo = null;
        int hi = 0;
        for (int start : starts) {
          Integer next = points.higher(start);
          int end = start == Limit.NONE ? Limit.NONE : next == null ? Limit.NONE - 1 : next - 1;
          if (lo != null && start == hi + 1) {
            hi = end;
            continue;
          }
          if (lo != null) {
            parts.add(interval(lo, hi));
          }
          lo = start;
          hi = end;
        }
        if (lo != null) {
          parts.add(interval(lo, hi));
        }
        StringBuilder sb = new StringBuilder(String.join(" or ", parts));
        n.flags().forEach((k, b) -> sb.append(b ? ", " + k : ", not " + k));
        shown.put(n, sb.toString());
      }
      out.put(space.terms().get(t), shown);
    }
    return new Ranges(out);
  }

  private static String interval(int lo, int hi) {
    if (lo == Limit.NONE) {
      return "NONE";
    }
    if (hi >= Limit.NONE) {
      return number(lo) + " or more, or NONE";
    }
    if (hi == Limit.NONE - 1) {
      return number(lo) + " or more";
    }
    return lo == hi ? number(lo) : number(lo) + " to " + number(hi);
  }

  private static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
