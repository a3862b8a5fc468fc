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
  private static final List<String> EXPECT_FIELDS = List.of("exhaustive", "positionsAsOf", "parties");
  private static final List<String> PARTY_FIELDS = List.of("verdict", "broken", "satisfied", "undetermined", "reaction");

  private final RuleBook whole;
  private final boolean overridden;
  private final ProposalReader proposals;
  /** The positions of the case being read (set per read). */
  private RuleBook book;

  /** A reader checking each case against the positions of its own day in {@code book}. */
  public CaseReader(RuleBook book) {
    this(book, false);
  }

  /**
   * A reader over {@code book}; with {@code overridden}, the cases are run at a day the user
   * chose, so a constraint listed but not in force on the case's own day is no error here.
   */
  public CaseReader(RuleBook book, boolean overridden) {
    this.whole = book.latest();
    this.overridden = overridden;
    this.book = whole;
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
    java.time.LocalDate pinned = null;
    Node pin = expect.fields().get("positionsAsOf");
    if (pin != null) {
      try {
        pinned = java.time.LocalDate.parse(pin.is(Node.Type.STRING) ? pin.text() : "");
      } catch (java.time.format.DateTimeParseException e) {
        found.add(Diagnostic.error("invalid-date", pin.at(), "`positionsAsOf` must be a date written yyyy-mm-dd, not `" + (pin.is(Node.Type.STRING) ? pin.text() : pin.type().word()) + "`", "the day whose positions the expectations hold for"));
      }
    }
    java.time.LocalDate day = pinned;
    if (day == null && r.proposal() != null && !r.proposal().asOf().isEmpty()) {
      day = java.time.LocalDate.parse(r.proposal().asOf());
    }
    book = day == null ? whole : whole.at(day);
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
    return new Result(new Case(r.proposal(), exhaustive, expectations, notes, pinned), found);
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
        List<String> own = whole.allConstraints().stream().filter(c -> c.party().equals(code)).map(Constraint::id).toList();
        if (own.contains(id) && !overridden && book.constraint(id).isEmpty()) {
          Constraint c = whole.allConstraints().stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
          found.add(
              Diagnostic.error(
                  "not-in-force",
                  item.at(),
                  "constraint `" + id + "` is not in force on " + book.day() + ", the day this case's expectations hold for",
                  "it holds " + validity(c) + "; set \"positionsAsOf\" in `expect`, or drop it from the list"));
          continue;
        }
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

  /** A constraint's validity in words: {@code from 2025-12-24 until 2026-02-17}. */
  static String validity(Constraint c) {
    String from = c.from() == null ? "from the start of the record" : "from " + c.from();
    return c.until() == null ? from + " on" : from + " until " + c.until() + " (exclusive)";
  }

  private static Diagnostic wrongType(Node n, String what, String expected) {
    return Diagnostic.error("wrong-type", n.at(), what + " must be " + expected + ", not " + n.type().word());
  }
}
