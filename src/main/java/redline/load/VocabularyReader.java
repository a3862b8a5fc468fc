package redline.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import redline.model.Diagnostic;
import redline.model.Party;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.Vocabulary;

/**
 * Reads {@code vocabulary.yaml}: the parties, the negotiating terms and their options, and the
 * catalogue of sources that rules may cite. Collects every problem instead of stopping at the
 * first.
 */
public final class VocabularyReader {
  /** The vocabulary file's name inside a rules folder. */
  public static final String FILE = "vocabulary.yaml";

  private static final Pattern TERM_NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern OPTION_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Pattern PARTY_FILE = Pattern.compile("[a-z0-9][a-z0-9_-]*\\.drl");
  private static final Pattern PARTY_CODE = Pattern.compile("[A-Z]{2,5}");

  /** The vocabulary read (null when unusable), the source catalogue, and the problems found. */
  public record Result(Vocabulary vocabulary, Map<String, String> sources, List<Diagnostic> diagnostics) {
    public Result {
      sources = Map.copyOf(sources);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private VocabularyReader() {}

  /** Reads {@code file}, naming it {@code shown} in diagnostics. */
  public static Result read(Path file, String shown) {
    return read(TreeReader.readYaml(file, shown));
  }

  /** Reads vocabulary text already read, naming it {@code shown} in diagnostics. */
  public static Result read(String text, String shown) {
    return read(TreeReader.readYaml(text, shown));
  }

  private static Result read(TreeReader.Result tree) {
    List<Diagnostic> found = new ArrayList<>(tree.diagnostics());
    if (tree.root() == null) {
      return new Result(null, Map.of(), found);
    }
    Fields f = new Fields(found);
    Node root = tree.root();
    if (!root.is(Node.Type.OBJECT)) {
      found.add(Fields.wrongType(root, "the vocabulary", "a mapping with `parties` and `terms`"));
      return new Result(null, Map.of(), found);
    }
    f.onlyKnown(root, List.of("parties", "terms", "sources"), "the vocabulary");
    Map<String, Party> parties = parties(root.fields().get("parties"), root, found, f);
    Map<String, Term> terms = terms(root.fields().get("terms"), root, found, f);
    Map<String, String> sources = new LinkedHashMap<>();
    Node src = root.fields().get("sources");
    if (src != null) {
      if (!src.is(Node.Type.OBJECT)) {
        found.add(Fields.wrongType(src, "`sources`", "a mapping from source id to citation"));
      } else {
        src.fields().forEach((k, v) -> sources.put(k, v.is(Node.Type.STRING) ? v.text() : v.show()));
      }
    }
    Vocabulary vocabulary = Diagnostic.anyError(found) ? null : new Vocabulary(parties, terms);
    return new Result(vocabulary, sources, found);
  }

  private static Map<String, Party> parties(
      Node node, Node root, List<Diagnostic> found, Fields f) {
    Map<String, Party> parties = new LinkedHashMap<>();
    if (node == null) {
      found.add(Diagnostic.error("missing-field", root.at(), "the vocabulary has no `parties`"));
      return parties;
    }
    if (!node.is(Node.Type.OBJECT)) {
      found.add(Fields.wrongType(node, "`parties`", "a mapping from party code to name and file"));
      return parties;
    }
    node.fields()
        .forEach(
            (code, p) -> {
              if (!PARTY_CODE.matcher(code).matches()) {
                found.add(
                    Diagnostic.error(
                        "invalid-name",
                        p.at(),
                        "party code `" + code + "` must be 2 to 5 capital letters"));
              }
              if (!p.is(Node.Type.OBJECT)) {
                found.add(Fields.wrongType(p, "party `" + code + "`", "a mapping with `name` and `file`"));
                return;
              }
              f.onlyKnown(p, List.of("name", "file"), "party `" + code + "`");
              String name = f.string(p, "name", true, "party `" + code + "`").orElse(code);
              String file = f.string(p, "file", true, "party `" + code + "`").orElse("");
              if (!file.isEmpty() && !PARTY_FILE.matcher(file).matches()) {
                found.add(
                    Diagnostic.error(
                        "invalid-name",
                        p.fields().get("file").at(),
                        "party `" + code + "` names the rule file `" + file + "`, which is not a file name in the rules folder",
                        "write a name such as `russia.drl`, without folders"));
              }
              parties.put(code, new Party(code, name, file));
            });
    return parties;
  }

  private static Map<String, Term> terms(Node node, Node root, List<Diagnostic> found, Fields f) {
    Map<String, Term> terms = new LinkedHashMap<>();
    if (node == null) {
      found.add(Diagnostic.error("missing-field", root.at(), "the vocabulary has no `terms`"));
      return terms;
    }
    if (!node.is(Node.Type.OBJECT)) {
      found.add(Fields.wrongType(node, "`terms`", "a mapping from term name to its definition"));
      return terms;
    }
    node.fields().forEach((name, t) -> term(name, t, found, f).ifPresent(x -> terms.put(name, x)));
    Map<String, String> fields = new LinkedHashMap<>();
    terms.values().forEach(t -> fields.put(t.name(), "term `" + t.name() + "`"));
    for (Term t : terms.values()) {
      for (String flag : t.flags().keySet()) {
        String field = t.flagField(flag);
        String before = fields.putIfAbsent(field, "flag `" + flag + "` of term `" + t.name() + "`");
        if (before != null || RESERVED.contains(field)) {
          found.add(
              Diagnostic.error(
                  "invalid-name",
                  t.at(),
                  "flag `" + flag + "` of term `" + t.name() + "` is read as `" + field + "`, " + (before != null ? "the name of " + before : "a reserved word"),
                  "rename the flag"));
        }
      }
    }
    if (terms.isEmpty() && !Diagnostic.anyError(found)) {
      found.add(Diagnostic.error("no-terms", node.at(), "the vocabulary defines no terms"));
    }
    return terms;
  }

  private static java.util.Optional<Term> term(
      String name, Node t, List<Diagnostic> found, Fields f) {
    String what = "term `" + name + "`";
    checkName(name, "term", "", t, found);
    if (!t.is(Node.Type.OBJECT)) {
      found.add(Fields.wrongType(t, what, "a mapping with `kind`, `description` and `options`"));
      return java.util.Optional.empty();
    }
    f.onlyKnown(
        t,
        List.of("id", "kind", "description", "sources", "options", "unit", "none", "flags", "values"),
        what);
    String id = f.string(t, "id", false, what).orElse("");
    String description = f.string(t, "description", true, what).orElse("");
    List<String> sources = f.strings(t, "sources");
    String kindWord = f.string(t, "kind", true, what).orElse("one");
    TermKind kind;
    switch (kindWord) {
      case "one" -> kind = TermKind.ONE;
      case "set" -> kind = TermKind.SET;
      case "number" -> kind = TermKind.NUMBER;
      default -> {
        found.add(
            Diagnostic.error(
                "invalid-kind",
                t.fields().get("kind").at(),
                what + " has kind `" + kindWord + "`",
                "expected `one`, `set` or `number`"));
        return java.util.Optional.empty();
      }
    }
    Map<String, String> options = new LinkedHashMap<>();
    Node opts = t.fields().get("options");
    if (kind != TermKind.NUMBER) {
      if (opts == null || !opts.is(Node.Type.OBJECT) || opts.fields().isEmpty()) {
        found.add(
            Diagnostic.error(
                "missing-field",
                opts == null ? t.at() : opts.at(),
                what + " needs `options`: a mapping from option to a one-line description"));
      } else {
        opts.fields()
            .forEach(
                (o, d) -> {
                  if (!OPTION_NAME.matcher(o).matches()) {
                    found.add(
                        Diagnostic.error(
                            "invalid-name",
                            d.at(),
                            "option `" + o + "` of " + what + " must be UPPER_SNAKE_CASE"));
                  }
                  options.put(o, d.is(Node.Type.STRING) ? d.text() : "");
                });
      }
    } else if (opts != null) {
      found.add(
          Diagnostic.error(
              "unexpected-field", opts.at(), what + " is a number term and takes no `options`"));
    }
    Map<String, String> flags = new LinkedHashMap<>();
    Node fl = t.fields().get("flags");
    if (fl != null) {
      if (!fl.is(Node.Type.OBJECT)) {
        found.add(Fields.wrongType(fl, "`flags` of " + what, "a mapping from flag to description"));
      } else {
        fl.fields()
            .forEach(
                (k, v) -> {
                  checkName(k, "flag", " of " + what, v, found);
                  flags.put(k, v.is(Node.Type.STRING) ? v.text() : "");
                });
      }
    }
    List<Integer> values = new ArrayList<>();
    Node vs = t.fields().get("values");
    if (vs != null && vs.is(Node.Type.ARRAY)) {
      for (Node v : vs.items()) {
        if (v.is(Node.Type.INTEGER) && v.value() instanceof Long l && l >= 0 && l < Integer.MAX_VALUE) {
          values.add(l.intValue());
        } else {
          found.add(Fields.wrongType(v, "a value of " + what, "a whole number"));
        }
      }
    }
    String unit = f.string(t, "unit", false, what).orElse("");
    String none = f.string(t, "none", false, what).orElse("");
    return java.util.Optional.of(
        new Term(name, id, kind, description, sources, options, unit, none, flags, values, t.at()));
  }

  /**
   * Words that may not name a term or flag: Java's keywords and literals, and the words of DRL
   * and of the MVEL dialect the rules compile in. A field so named would not compile, or would
   * mean something else in a condition.
   */
  static final Set<String> RESERVED =
      Set.of(
          // Java keywords and literals
          "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
          "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
          "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
          "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
          "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
          "volatile", "while", "true", "false", "null", "var", "yield", "_",
          // DRL words
          "rule", "query", "when", "then", "end", "function", "global", "declare", "attributes",
          "not", "exists", "forall", "eval", "from", "collect", "accumulate", "over", "window",
          "in", "contains", "excludes", "matches", "memberof", "soundslike", "str", "or", "and",
          "modify", "insert", "insertlogical", "retract", "delete", "update", "salience", "enabled",
          "dialect", "drools", "kcontext",
          // MVEL words
          "def", "foreach", "until", "is", "isdef", "empty", "nil", "strsim", "proto", "assertfalse");

  /** True when {@code name} may name a term or flag: lower_snake_case and not a reserved word. */
  static boolean isPlainName(String name) {
    return TERM_NAME.matcher(name).matches() && !RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  /** Adds an error when {@code name} (of {@code what}) is not a plain identifier. */
  private static void checkName(String name, String kind, String owner, Node at, List<Diagnostic> found) {
    if (!TERM_NAME.matcher(name).matches()) {
      found.add(
          Diagnostic.error(
              "invalid-name", at.at(), kind + " name `" + name + "`" + owner + " must be lower_snake_case", "use letters a-z, digits and `_`, starting with a letter"));
    } else if (RESERVED.contains(name)) {
      found.add(
          Diagnostic.error(
              "reserved-name", at.at(), kind + " name `" + name + "`" + owner + " is a reserved word of the rule language", "choose another name, e.g. `" + name + "_" + kind + "`"));
    }
  }
}
