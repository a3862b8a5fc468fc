package redline.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the candidate closest to a misspelt word, for "did you mean" hints. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate within a small edit distance, ignoring case; ties go to the first. */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    if (input == null || input.isEmpty()) {
      return Optional.empty();
    }
    String lower = input.toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, input.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /**
   * The candidates a word may stand for, best first: those it begins (or whose part after an
   * underscore it begins), shortest first; else the one closest in spelling, if any is close; else
   * those that contain it, shortest first. At most {@code max}. Case is ignored.
   */
  public static java.util.List<String> matches(String input, Collection<String> candidates, int max) {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (input == null || input.isEmpty()) {
      return out;
    }
    String lower = input.toLowerCase(Locale.ROOT);
    java.util.Comparator<String> shortest = java.util.Comparator.comparingInt(String::length).thenComparing(java.util.Comparator.naturalOrder());
    java.util.List<String> sorted = candidates.stream().sorted(shortest).toList();
    if (lower.length() >= 3) {
      for (String c : sorted) {
        String l = c.toLowerCase(Locale.ROOT);
        if (!l.equals(lower) && (l.startsWith(lower) || l.contains("_" + lower))) {
          out.add(c);
        }
      }
    }
    if (out.isEmpty()) {
      closest(input, candidates).ifPresent(out::add);
    }
    if (out.isEmpty() && lower.length() >= 3) {
      for (String c : sorted) {
        if (c.toLowerCase(Locale.ROOT).contains(lower)) {
          out.add(c);
        }
      }
    }
    return out.size() > max ? out.subList(0, max) : out;
  }

  /** Levenshtein distance between two strings. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
