package redline.cases;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import redline.engine.RuleBook;
import redline.load.Node;
import redline.load.ProposalReader;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Party;
import redline.model.Status;
import redline.model.Verdict;
import redline.model.Vocabulary;

/**
 * Reads a case file: a proposal file with an {@code expect} block. Reports every problem with
 * its file, line and JSON pointer: unknown parties, unknown constraint ids, bad verdict words,
 * and everything the proposal reader finds.
 */
public final class CaseReader {
  private static final List<String> EXPECT_FIELDS = List.of("exhaustive", "parties");
  private static final List<String> PARTY_FIELDS = List.of("verdict", "broken", "satisfied", "undetermined", "reaction");

  private final RuleBook book;
  private final ProposalReader proposals;

  /** A reader checking cases against {@code book}. */
  public CaseReader(RuleBook book) {
    this.book = book;
    this.proposals = new ProposalReader(book.vocabulary());
  }

  /** The case read (null on error) and the problems found. */
  public record Result(Case testCase, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads the case in {@code file}, naming it {@code shown} in diagnostics. */
  public Result read(Path file, String shown) {
    ProposalReader.Result r = proposals.read(file, shown);
    List<Diagnostic> found = new ArrayList<>(r.diagnostics());
    Node root = r.root();
    if (root == null || !root.is(Node.Type.OBJECT)) {
      return new Result(null, found);
    }
    Node expect = root.fields().get("expect");
    if (expect == null) {
      found.add(
          Diagnostic.error(
              "missing-field",
              root.at(),
              "the case has no `expect` block",
              "add \"expect\": {\"parties\": {\"RU\": {\"verdict\": \"REJECTS\"}}}"));
      return new Result(null, found);
    }
    if (!expect.is(Node.Type.OBJECT)) {
      found.add(wrongType(expect, "`expect`", "an object"));
      return new Result(null, found);
    }
    unknownFields(expect, EXPECT_FIELDS, "`expect`", found);
    boolean exhaustive = false;
    Node ex = expect.fields().get("exhaustive");
    if (ex != null) {
      if (ex.is(Node.Type.BOOLEAN)) {
        exhaustive = (Boolean) ex.value();
      } else {
        found.add(wrongType(ex, "`exhaustive`", "true or false"));
      }
    }
    List<Expectation> expectations = new ArrayList<>();
    Node parties = expect.fields().get("parties");
    if (parties == null || !parties.is(Node.Type.OBJECT) || parties.fields().isEmpty()) {
      found.add(
          Diagnostic.error(
              "missing-field",
              parties == null ? expect.at() : parties.at(),
              "`expect` needs `parties`: an object from party code to its expected verdict"));
    } else {
      parties.fields().forEach((code, p) -> party(code, p, found).ifPresent(expectations::add));
    }
    if (exhaustive) {
      for (Party p : book.parties()) {
        if (parties != null && !parties.fields().containsKey(p.code())) {
          found.add(
              Diagnostic.error(
                  "missing-party",
                  parties.at(),
                  "the case is exhaustive but does not list party `" + p.code() + "`",
                  "list every party, or set \"exhaustive\": false"));
        }
      }
    }
    String notes = root.fields().containsKey("notes") && root.fields().get("notes").is(Node.Type.STRING) ? root.fields().get("notes").text() : "";
    if (Diagnostic.anyError(found) || r.proposal() == null) {
      return new Result(null, found);
    }
    return new Result(new Case(r.proposal(), exhaustive, expectations, notes), found);
  }

  private java.util.Optional<Expectation> party(String code, Node p, List<Diagnostic> found) {
    Vocabulary v = book.vocabulary();
    if (book.parties().stream().noneMatch(x -> x.code().equals(code))) {
      String hint = Vocabulary.didYouMean(code, v.parties().keySet());
      found.add(
          Diagnostic.error(
              "unknown-party",
              p.at(),
              "unknown party `" + code + "`",
              hint.isEmpty() ? "parties with rules: " + String.join(", ", book.parties().stream().map(Party::code).toList()) : hint));
      return java.util.Optional.empty();
    }
    if (!p.is(Node.Type.OBJECT)) {
      found.add(wrongType(p, "the expectation for `" + code + "`", "an object with a `verdict`"));
      return java.util.Optional.empty();
    }
    unknownFields(p, PARTY_FIELDS, "the expectation for `" + code + "`", found);
    Verdict verdict = null;
    Node vn = p.fields().get("verdict");
    if (vn == null) {
      found.add(Diagnostic.error("missing-field", p.at(), "the expectation for `" + code + "` has no `verdict`", "one of REJECTS, OBJECTS, ACCEPTS, UNDETERMINED"));
    } else if (!vn.is(Node.Type.STRING)) {
      found.add(wrongType(vn, "`verdict`", "a string"));
    } else {
      try {
        verdict = Verdict.valueOf(vn.text());
      } catch (IllegalArgumentException e) {
        String hint = Vocabulary.didYouMean(vn.text(), List.of("REJECTS", "OBJECTS", "ACCEPTS", "UNDETERMINED"));
        found.add(
            Diagnostic.error(
                "invalid-verdict",
                vn.at(),
                "`" + vn.text() + "` is not a verdict",
                (hint.isEmpty() ? "" : hint + " ") + "verdicts: REJECTS, OBJECTS, ACCEPTS, UNDETERMINED"));
      }
    }
    Map<Status, Set<String>> ids = new EnumMap<>(Status.class);
    Map<String, String> seen = new java.util.HashMap<>();
    for (Status s : Status.values()) {
      String key = s.name().toLowerCase(java.util.Locale.ROOT);
      Node list = p.fields().get(key);
      if (list == null) {
        continue;
      }
      if (!list.is(Node.Type.ARRAY)) {
        found.add(wrongType(list, "`" + key + "`", "a list of constraint ids"));
        continue;
      }
      Set<String> set = new TreeSet<>();
      for (Node item : list.items()) {
        if (!item.is(Node.Type.STRING)) {
          found.add(wrongType(item, "a constraint id", "a string"));
          continue;
        }
        String id = item.text();
        List<String> own = book.constraints(code).stream().map(Constraint::id).toList();
        if (!own.contains(id)) {
          String hint = Vocabulary.didYouMean(id, own);
          found.add(
              Diagnostic.error(
                  "unknown-constraint",
                  item.at(),
                  "party `" + code + "` has no constraint `" + id + "`",
                  hint.isEmpty() ? "its constraints: " + own.get(0) + " to " + own.get(own.size() - 1) : hint));
          continue;
        }
        String before = seen.put(id, key);
        if (before != null) {
          found.add(Diagnostic.error("duplicate-constraint", item.at(), "constraint `" + id + "` is listed under both `" + before + "` and `" + key + "`"));
        }
        set.add(id);
      }
      ids.put(s, set);
    }
    String reaction = p.fields().containsKey("reaction") && p.fields().get("reaction").is(Node.Type.STRING) ? p.fields().get("reaction").text() : "";
    if (verdict == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new Expectation(code, verdict, ids, reaction, p.at()));
  }

  private static void unknownFields(Node o, List<String> allowed, String what, List<Diagnostic> found) {
    for (var e : o.fields().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        String hint = Vocabulary.didYouMean(e.getKey(), allowed);
        found.add(
            Diagnostic.error(
                "unknown-field",
                e.getValue().at(),
                "unknown field `" + e.getKey() + "` in " + what,
                hint.isEmpty() ? "expected one of " + String.join(", ", allowed) : hint));
      }
    }
  }

  private static Diagnostic wrongType(Node n, String what, String expected) {
    return Diagnostic.error("wrong-type", n.at(), what + " must be " + expected + ", not " + n.type().word());
  }
}
