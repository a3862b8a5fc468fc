package redline.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import redline.model.Diagnostic;
import redline.model.Limit;
import redline.model.Proposal;
import redline.model.Term;
import redline.model.TermValue;
import redline.model.Vocabulary;

/**
 * Reads a proposal file (JSON) against the vocabulary, reporting every problem with its file,
 * line, column and JSON pointer: unknown terms (with "did you mean"), invalid options (listing
 * the valid ones), wrong types, duplicate keys and malformed JSON. Thread-safe.
 */
public final class ProposalReader {
  /**
   * The top-level fields a proposal or case file may carry, each with its description: the one
   * list both this reader and the generated JSON Schema ({@code redline schema}) follow.
   */
  public static final Map<String, String> FIELD_DESCRIPTIONS = fields();

  /** The top-level fields a proposal or case file may carry. */
  public static final List<String> FIELDS = List.copyOf(FIELD_DESCRIPTIONS.keySet());

  private static Map<String, String> fields() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("$schema", "the JSON Schema of this file, for editors (ignored by Redline)");
    m.put("id", "a short stable identifier (default: the file name)");
    m.put("title", "the proposal's name in plain words");
    m.put("extends", "a proposal file this one builds on, as a path relative to this file: its terms are taken, and this file sets only those it changes (null opens a term)");
    m.put("sources", "source ids of the catalogue, or seed file names");
    m.put("asOf", "the date the proposal was made, yyyy-mm-dd");
    m.put("notes", "free text");
    m.put("terms", "the terms the proposal sets");
    m.put("expect", "for cases: the outcome expected per party (see README)");
    return java.util.Collections.unmodifiableMap(m);
  }

  /** How many proposals a chain of {@code extends} may hold. */
  public static final int MAX_EXTENDS = 16;

  private final Vocabulary vocabulary;

  /** What a read produced: the proposal (null on error), the raw tree and the problems. */
  public record Result(Proposal proposal, Node root, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** A reader for proposals written in {@code vocabulary}'s terms. */
  public ProposalReader(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /**
   * Reads the proposal in {@code file}, naming it {@code shown} in diagnostics. A file that
   * {@code extends} a base reads the base first (its problems reported in the base's name).
   */
  public Result read(Path file, String shown) {
    return read(TreeReader.readJson(file, shown), shown, file, List.of());
  }

  /**
   * Reads a proposal from JSON text in memory (a request body, say). It names no file, so an
   * {@code extends} is refused: text from elsewhere never makes Redline open a file.
   */
  public Result read(byte[] json, String shown) {
    return read(TreeReader.readJson(json, shown), shown, null, List.of());
  }

  /**
   * Reads a proposal from a tree already read, e.g. one member of a larger JSON document: its
   * diagnostics keep the tree's own lines, columns and pointers. It was read from no file, so an
   * {@code extends} is refused rather than resolved.
   */
  public Result read(Node root, String shown) {
    return read(new TreeReader.Result(root, List.of()), shown, null, List.of());
  }

  private Result read(TreeReader.Result tree, String shown, Path file, List<Path> chain) {
    List<Diagnostic> found = new ArrayList<>(tree.diagnostics());
    Node root = tree.root();
    if (root == null) {
      return new Result(null, null, found);
    }
    if (!root.is(Node.Type.OBJECT)) {
      found.add(Fields.wrongType(root, "a proposal", "an object with a `terms` field"));
      return new Result(null, root, found);
    }
    Fields f = new Fields(found);
    f.onlyKnown(root, FIELDS, "the proposal");
    String id = f.string(root, "id", false, "the proposal").orElse(stem(shown));
    String title = f.string(root, "title", false, "the proposal").orElse("");
    List<String> sources = f.strings(root, "sources");
    String asOf = f.string(root, "asOf", false, "the proposal").orElse("");
    if (!asOf.isEmpty()) {
      if (Dates.parse(asOf).isEmpty()) {
        found.add(
            Diagnostic.error(
                "invalid-date",
                root.fields().get("asOf").at(),
                "`asOf` must be " + Dates.expected() + ", not `" + asOf + "`"));
      }
    }
    f.string(root, "notes", false, "the proposal");
    f.string(root, "$schema", false, "the proposal");
    Map<String, TermValue> terms = new LinkedHashMap<>();
    Node ext = root.fields().get("extends");
    if (ext != null && !ext.is(Node.Type.NULL)) {
      if (!ext.is(Node.Type.STRING)) {
        found.add(Fields.wrongType(ext, "`extends`", "the path of a proposal file, as a string"));
      } else {
        base(ext, shown, file, chain, terms, found);
      }
    }
    Node termsNode = root.fields().get("terms");
    if (termsNode == null) {
      found.add(
          Diagnostic.error(
              "missing-field",
              root.at(),
              "the proposal has no `terms` field",
              "add \"terms\": {...} with the terms it sets"));
    } else if (!termsNode.is(Node.Type.OBJECT)) {
      found.add(Fields.wrongType(termsNode, "`terms`", "an object mapping terms to options"));
    } else {
      termsNode.fields().forEach((name, value) -> readTerm(name, value, terms, found));
    }
    Proposal proposal =
        Diagnostic.anyError(found) ? null : new Proposal(id, title, sources, asOf, terms, shown);
    return new Result(proposal, root, found);
  }

  private void readTerm(String name, Node value, Map<String, TermValue> out, List<Diagnostic> found) {
    Term term = vocabulary.terms().get(name);
    if (term == null) {
      found.add(
          Diagnostic.error(
              "unknown-term",
              value.at(),
              "unknown term `" + name + "`",
              termHint(name)));
      return;
    }
    if (value.is(Node.Type.NULL)) {
      out.remove(name); // explicitly left open, also when a base sets it
      return;
    }
    switch (term.kind()) {
      case ONE -> {
        if (!value.is(Node.Type.STRING)) {
          found.add(Fields.wrongType(value, "term `" + name + "`", "one option, as a string"));
        } else if (checkOption(term, value, found)) {
          out.put(name, new TermValue.One(value.text()));
        }
      }
      case SET -> {
        if (value.is(Node.Type.STRING)) {
          found.add(
              Diagnostic.error(
                  "wrong-type",
                  value.at(),
                  "term `" + name + "` takes a list of options, not a single string",
                  "write [\"" + value.text() + "\"]"));
          return;
        }
        if (!value.is(Node.Type.ARRAY)) {
          found.add(Fields.wrongType(value, "term `" + name + "`", "a list of options"));
          return;
        }
        TreeSet<String> options = new TreeSet<>();
        boolean ok = true;
        for (Node item : value.items()) {
          if (!item.is(Node.Type.STRING)) {
            found.add(Fields.wrongType(item, "an option of `" + name + "`", "a string"));
            ok = false;
          } else if (!checkOption(term, item, found)) {
            ok = false;
          } else if (!options.add(item.text())) {
            found.add(
                Diagnostic.error(
                    "duplicate-option",
                    item.at(),
                    "option `" + item.text() + "` is listed twice in `" + name + "`"));
            ok = false;
          }
        }
        if (ok) {
          out.put(name, new TermValue.Many(options));
        }
      }
      case NUMBER -> readNumber(term, value, out, found);
    }
  }

  private void readNumber(Term term, Node value, Map<String, TermValue> out, List<Diagnostic> found) {
    Node number = value;
    Map<String, Boolean> flags = new LinkedHashMap<>();
    String expected =
        "a whole number"
            + (term.allowsNone() ? ", `\"NONE\"`" : "")
            + (term.flags().isEmpty()
                ? ""
                : " or an object {\"value\": ..., " + flagList(term) + "}");
    if (value.is(Node.Type.OBJECT)) {
      List<String> allowed = new ArrayList<>();
      allowed.add("value");
      allowed.addAll(term.flags().keySet());
      int before = found.size();
      new Fields(found).onlyKnown(value, allowed, "term `" + term.name() + "`");
      number = value.fields().get("value");
      if (number == null) {
        found.add(
            Diagnostic.error("missing-field", value.at(), "term `" + term.name() + "` has no `value`"));
        return;
      }
      for (String flag : term.flags().keySet()) {
        Node fv = value.fields().get(flag);
        if (fv == null) {
          continue;
        }
        if (fv.is(Node.Type.BOOLEAN)) {
          flags.put(flag, (Boolean) fv.value());
        } else {
          found.add(Fields.wrongType(fv, "flag `" + flag + "`", "true or false"));
        }
      }
      if (found.size() > before) {
        return;
      }
    }
    if (number.is(Node.Type.STRING) && number.text().equals("NONE") && term.allowsNone()) {
      out.put(term.name(), new TermValue.Number(Limit.NONE, flags));
      return;
    }
    if (number.is(Node.Type.INTEGER)
        && number.value() instanceof Long l
        && l >= 0
        && l < Limit.NONE) {
      out.put(term.name(), new TermValue.Number(l.intValue(), flags));
      return;
    }
    if (number.is(Node.Type.INTEGER)) {
      found.add(
          Diagnostic.error(
              "out-of-range",
              number.at(),
              "term `" + term.name() + "` must be between 0 and " + (Limit.NONE - 1) + ", not `" + number.show() + "`"));
      return;
    }
    if (number.is(Node.Type.STRING) && number.text().trim().matches("[0-9]+|[0-9]{1,3}([,_ .'][0-9]{3})+")) {
      String digits = number.text().trim().replaceAll("[^0-9]", "");
      found.add(
          Diagnostic.error(
              "quoted-number",
              number.at(),
              "term `" + term.name() + "` takes a number, not text: `\"" + number.text() + "\"` is in quotes",
              (digits.equals(number.text().trim()) ? "remove the quotes" : "remove the quotes and the separators") + ": write " + digits));
      return;
    }
    found.add(Fields.wrongType(number, "term `" + term.name() + "`", expected));
  }

  /** "did you mean" for an unknown term: close in spelling, else a prefix or a part of a term's name. */
  private String termHint(String name) {
    List<String> m = redline.model.Suggest.matches(name, vocabulary.terms().keySet(), 3);
    if (m.isEmpty()) {
      return "see `redline schema` or `redline new` for the terms";
    }
    return "did you mean " + String.join(" or ", m.stream().map(t -> "`" + t + "`").toList()) + "?";
  }

  /** Reads the base named by {@code ext} into {@code terms}, reporting a missing base or a cycle at {@code ext}. */
  private void base(Node ext, String shown, Path file, List<Path> chain, Map<String, TermValue> terms, List<Diagnostic> found) {
    String name = ext.text();
    if (file == null) {
      found.add(
          Diagnostic.error(
              "extends-not-allowed",
              ext.at(),
              "`extends` names a file, and this proposal was not read from one",
              "send the whole proposal, every term it sets, without `extends`"));
      return;
    }
    Path dir = file.toAbsolutePath().normalize().getParent();
    Path basePath = dir == null ? Path.of(name) : dir.resolve(name);
    Path shownDir = Path.of(shown).getParent();
    String baseShown = (shownDir == null ? Path.of(name) : shownDir.resolve(name)).normalize().toString();
    Path self = file.toAbsolutePath().normalize();
    Path key = basePath.toAbsolutePath().normalize();
    List<Path> now = new ArrayList<>(chain);
    now.add(self);
    if (now.contains(key)) {
      List<String> names = new ArrayList<>();
      for (Path p : now.subList(now.indexOf(key), now.size())) {
        names.add("`" + p.getFileName() + "`");
      }
      names.add("`" + key.getFileName() + "`");
      found.add(
          Diagnostic.error(
              "extends-cycle",
              ext.at(),
              "`extends` makes a cycle: " + String.join(" extends ", names),
              "a proposal cannot build on itself; point `extends` at a file that does not lead back here"));
      return;
    }
    if (now.size() >= MAX_EXTENDS) {
      found.add(Diagnostic.error("extends-too-deep", ext.at(), "`extends` chains more than " + MAX_EXTENDS + " proposals"));
      return;
    }
    if (!java.nio.file.Files.isRegularFile(basePath)) {
      found.add(
          Diagnostic.error(
              "missing-base",
              ext.at(),
              "the base `" + name + "` named by `extends` does not exist (looked for `" + baseShown + "`)",
              "`extends` is a path relative to the folder of this file, e.g. \"us-28-point-plan.json\""));
      return;
    }
    Result base = read(TreeReader.readJson(basePath, baseShown), baseShown, basePath, now);
    found.addAll(base.diagnostics());
    if (base.proposal() != null) {
      terms.putAll(base.proposal().terms());
    } else if (!Diagnostic.anyError(base.diagnostics())) {
      found.add(Diagnostic.error("invalid-base", ext.at(), "the base `" + name + "` could not be read"));
    }
  }

  private static String flagList(Term term) {
    List<String> parts = new ArrayList<>();
    for (String flag : term.flags().keySet()) {
      parts.add("\"" + flag + "\": true");
    }
    return String.join(", ", parts);
  }

  private static boolean checkOption(Term term, Node value, List<Diagnostic> found) {
    String option = value.text();
    if (term.hasOption(option)) {
      return true;
    }
    String hint = Vocabulary.didYouMean(option, term.options().keySet());
    found.add(
        Diagnostic.error(
            "invalid-option",
            value.at(),
            "`" + option + "` is not an option of `" + term.name() + "`",
            (hint.isEmpty() ? "" : hint + " ")
                + "valid options: "
                + Fields.list(term.options().keySet())));
    return false;
  }

  private static String stem(String shown) {
    String name = Path.of(shown).getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
