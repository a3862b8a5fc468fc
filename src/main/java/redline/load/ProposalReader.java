package redline.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
  /** The top-level fields a proposal or case file may carry. */
  public static final List<String> FIELDS =
      List.of("id", "title", "sources", "asOf", "notes", "terms", "expect");

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

  /** Reads the proposal in {@code file}, naming it {@code shown} in diagnostics. */
  public Result read(Path file, String shown) {
    return read(TreeReader.readJson(file, shown), shown);
  }

  /** Reads a proposal from JSON text in memory. */
  public Result read(byte[] json, String shown) {
    return read(TreeReader.readJson(json, shown), shown);
  }

  /**
   * Reads a proposal from a tree already read, e.g. one member of a larger JSON document: its
   * diagnostics keep the tree's own lines, columns and pointers.
   */
  public Result read(Node root, String shown) {
    return read(new TreeReader.Result(root, List.of()), shown);
  }

  private Result read(TreeReader.Result tree, String shown) {
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
      try {
        LocalDate.parse(asOf);
      } catch (DateTimeParseException e) {
        found.add(
            Diagnostic.error(
                "invalid-date",
                root.fields().get("asOf").at(),
                "`asOf` must be a date written yyyy-mm-dd, not `" + asOf + "`"));
      }
    }
    f.string(root, "notes", false, "the proposal");
    Map<String, TermValue> terms = new LinkedHashMap<>();
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
              Fields.hintOr(
                  Vocabulary.didYouMean(name, vocabulary.terms().keySet()),
                  "see `redline schema` for the terms")));
      return;
    }
    if (value.is(Node.Type.NULL)) {
      return; // explicitly left open
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
    found.add(Fields.wrongType(number, "term `" + term.name() + "`", expected));
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
