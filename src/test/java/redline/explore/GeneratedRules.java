package redline.explore;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import redline.model.Limit;
import redline.model.TermValue;

/**
 * A small random rules folder with linked constraints (each reading one to three terms), written
 * as DRL and YAML, together with an oracle: the same conditions as Java predicates over raw
 * values, and the raw values themselves (every option, every subset, a dense range of numbers).
 * The oracle shares no code with the analysis: it does not read the DRL, the domains or Drools.
 */
final class GeneratedRules {
  /** A term of the generated vocabulary and its raw values. */
  record Term(String name, String kind, List<String> options, List<TermValue> raw) {}

  /** One comparison of one term, as DRL text and as a predicate. */
  record Atom(String term, String drl, Predicate<TermValue> holds) {}

  /**
   * One generated rule: it fires (the constraint is broken, or the combination is held) when its
   * atoms all hold ({@code and}) or some holds.
   */
  record Rule(String id, String party, String kind, int weight, List<Atom> atoms, boolean and) {
    boolean fires(Map<String, TermValue> p) {
      if (and) {
        return atoms.stream().allMatch(a -> a.holds().test(p.get(a.term())));
      }
      return atoms.stream().anyMatch(a -> a.holds().test(p.get(a.term())));
    }

    Set<String> reads() {
      Set<String> out = new TreeSet<>();
      atoms.forEach(a -> out.add(a.term()));
      return out;
    }
  }

  final List<Term> terms = new ArrayList<>();
  final List<Rule> rules = new ArrayList<>();
  final List<String> parties = List.of("AA", "BB");

  /** The rules of party {@code code}, or the coherence rules for {@code ""}. */
  List<Rule> of(String code) {
    return rules.stream().filter(r -> r.party().equals(code)).toList();
  }

  static GeneratedRules generate(long seed) {
    Random random = new Random(seed);
    GeneratedRules g = new GeneratedRules();
    String[] letters = {"A", "B", "C", "D"};
    int count = 3 + random.nextInt(2);
    for (int i = 0; i < count; i++) {
      String kind = i == 0 ? "one" : i == 1 ? "set" : i == 2 ? "number" : (random.nextBoolean() ? "one" : "set");
      String name = "term" + i;
      List<String> options = new ArrayList<>();
      List<TermValue> raw = new ArrayList<>();
      if (kind.equals("number")) {
        for (int v = 0; v <= 40; v++) {
          raw.add(new TermValue.Number(v, Map.of()));
        }
        raw.add(new TermValue.Number(Limit.NONE, Map.of()));
      } else {
        int n = 2 + random.nextInt(2);
        for (int k = 0; k < n; k++) {
          options.add(letters[k] + i);
        }
        if (kind.equals("one")) {
          options.forEach(o -> raw.add(new TermValue.One(o)));
        } else {
          for (int mask = 0; mask < (1 << n); mask++) {
            TreeSet<String> set = new TreeSet<>();
            for (int k = 0; k < n; k++) {
              if ((mask & (1 << k)) != 0) {
                set.add(options.get(k));
              }
            }
            raw.add(new TermValue.Many(set));
          }
        }
      }
      g.terms.add(new Term(name, kind, options, raw));
    }
    String[] kinds = {"red-line", "red-line", "objection", "preference"};
    for (String party : g.parties) {
      int n = 2 + random.nextInt(3);
      for (int k = 1; k <= n; k++) {
        String kind = kinds[random.nextInt(kinds.length)];
        g.rules.add(g.rule(random, party + "-0" + k, party, kind));
      }
    }
    if (random.nextInt(3) > 0) {
      Rule c = g.rule(random, "COH-01", "", "coherence");
      if (c.atoms().size() > 1) {
        g.rules.add(new Rule(c.id(), "", "coherence", 0, c.atoms(), true));
      }
    }
    return g;
  }

  private Rule rule(Random random, String id, String party, String kind) {
    List<Term> pool = new ArrayList<>(terms);
    java.util.Collections.shuffle(pool, random);
    int reads = 1 + random.nextInt(3);
    List<Atom> atoms = new ArrayList<>();
    for (int i = 0; i < reads; i++) {
      atoms.add(atom(random, pool.get(i)));
    }
    return new Rule(id, party, kind, kind.equals("preference") ? 1 + random.nextInt(3) : 0, atoms, random.nextInt(10) < 6);
  }

  private static Atom atom(Random random, Term t) {
    String n = t.name();
    switch (t.kind()) {
      case "one" -> {
        String o = t.options().get(random.nextInt(t.options().size()));
        String o2 = t.options().get(random.nextInt(t.options().size()));
        return switch (random.nextInt(3)) {
          case 0 -> new Atom(n, n + " == \"" + o + "\"", v -> ((TermValue.One) v).option().equals(o));
          case 1 -> new Atom(n, n + " != \"" + o + "\"", v -> !((TermValue.One) v).option().equals(o));
          default -> new Atom(
              n, n + " in (\"" + o + "\", \"" + o2 + "\")",
              v -> ((TermValue.One) v).option().equals(o) || ((TermValue.One) v).option().equals(o2));
        };
      }
      case "set" -> {
        String o = t.options().get(random.nextInt(t.options().size()));
        return random.nextBoolean()
            ? new Atom(n, n + " contains \"" + o + "\"", v -> ((TermValue.Many) v).options().contains(o))
            : new Atom(n, n + " not contains \"" + o + "\"", v -> !((TermValue.Many) v).options().contains(o));
      }
      default -> {
        int x = 10 * (1 + random.nextInt(3));
        return switch (random.nextInt(4)) {
          case 0 -> new Atom(n, n + " < " + x, v -> ((TermValue.Number) v).value() < x);
          case 1 -> new Atom(n, n + " <= " + x, v -> ((TermValue.Number) v).value() <= x);
          case 2 -> new Atom(n, n + " > " + x, v -> ((TermValue.Number) v).value() > x);
          default -> new Atom(n, n + " >= " + x, v -> ((TermValue.Number) v).value() >= x);
        };
      }
    }
  }

  /** Writes the vocabulary and the rule files into {@code dir}. */
  void write(Path dir) throws IOException {
    StringBuilder yaml = new StringBuilder("parties:\n");
    yaml.append("  AA: {name: Alpha, file: alpha.drl}\n  BB: {name: Beta, file: beta.drl}\nterms:\n");
    int id = 1;
    for (Term t : terms) {
      yaml.append("  ").append(t.name()).append(":\n");
      yaml.append("    id: T-0").append(id++).append('\n');
      yaml.append("    kind: ").append(t.kind()).append('\n');
      yaml.append("    description: a generated term\n    sources: [S01]\n");
      if (t.kind().equals("number")) {
        yaml.append("    unit: units\n    none: no ceiling\n");
      } else {
        yaml.append("    options:\n");
        t.options().forEach(o -> yaml.append("      ").append(o).append(": option ").append(o).append('\n'));
      }
    }
    yaml.append("sources:\n  S01: a generated source\n");
    Files.writeString(dir.resolve("vocabulary.yaml"), yaml, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("alpha.drl"), drl(of("AA")), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("beta.drl"), drl(of("BB")), StandardCharsets.UTF_8);
    if (!of("").isEmpty()) {
      Files.writeString(dir.resolve("coherence.drl"), drl(of("")), StandardCharsets.UTF_8);
    }
  }

  private static String drl(List<Rule> rules) {
    StringBuilder sb = new StringBuilder("package redline.rules;\n\nimport redline.model.Limit;\n\n");
    for (Rule r : rules) {
      sb.append("rule \"").append(r.id()).append("\"\n");
      if (!r.party().isEmpty()) {
        sb.append("    @party(\"").append(r.party()).append("\")\n");
      }
      sb.append("    @kind(\"").append(r.kind()).append("\")\n");
      sb.append("    @title(\"generated ").append(r.id()).append("\")\n");
      if (r.party().isEmpty()) {
        sb.append("    @reason(\"a generated combination that cannot exist\")\n");
      } else {
        sb.append("    @stance(\"generated\")\n    @sources(\"S01\")\n");
      }
      sb.append("    @evidence(\"I\")\n    @asOf(\"2026-01-01\")\n");
      if (r.weight() > 0) {
        sb.append("    @weight(\"").append(r.weight()).append("\")\n");
      }
      String joiner = r.and() ? " && " : " || ";
      sb.append("when\n    Proposal( ")
          .append(String.join(joiner, r.atoms().stream().map(Atom::drl).toList()))
          .append(" )\nthen\nend\n\n");
    }
    return sb.toString();
  }

  /** Every complete proposal over the raw values, as term maps in vocabulary order. */
  List<Map<String, TermValue>> everything() {
    List<Map<String, TermValue>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Term t : terms) {
      List<Map<String, TermValue>> next = new ArrayList<>();
      for (Map<String, TermValue> p : out) {
        for (TermValue v : t.raw()) {
          Map<String, TermValue> q = new LinkedHashMap<>(p);
          q.put(t.name(), v);
          next.add(q);
        }
      }
      out = next;
    }
    return out;
  }

  /** True when no coherence rule holds for {@code p}. */
  boolean coherent(Map<String, TermValue> p) {
    return of("").stream().noneMatch(r -> r.fires(p));
  }

  /** True when no red line of {@code party} is broken by complete proposal {@code p}. */
  boolean keeps(String party, Map<String, TermValue> p) {
    return of(party).stream().noneMatch(r -> r.kind().equals("red-line") && r.fires(p));
  }
}
