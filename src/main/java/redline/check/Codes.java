package redline.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The diagnostic codes the checker reports, what each means (for SARIF rule descriptions and
 * the documentation) and the stage each belongs to.
 */
public final class Codes {
  /** Codes of the reader's metadata checks: stage {@code metadata}. */
  static final Set<String> METADATA =
      Set.of(
          "invalid-id",
          "unknown-metadata",
          "missing-metadata",
          "unknown-party",
          "wrong-party",
          "id-prefix",
          "invalid-kind",
          "unknown-source",
          "invalid-evidence",
          "invalid-date",
          "missing-weight",
          "invalid-weight",
          "unused-weight",
          "duplicate-id",
          "missing-party-file",
          "misplaced-coherence");

  /** Codes of the reader's term and option checks: stage {@code vocabulary}. */
  static final Set<String> VOCABULARY = 
      Set.of(
          "unknown-term",
          "unknown-option",
          "unknown-fact",
          "unused-term",
          "unsupported-condition",
          "wrong-operator",
          "wrong-type",
          "empty-condition");

  private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

  static {
    describe("no-rules-folder", "the rules folder does not exist");
    describe("no-vocabulary", "the rules folder has no vocabulary.yaml");
    describe("no-rules", "the rules folder or a rule file declares no rules");
    describe("unreadable-file", "a file cannot be read");
    describe("drl-syntax", "a rule file does not parse");
    describe("drl-compile", "the Drools compiler reports an error or a warning");
    describe("invalid-id", "a rule name is not a constraint id such as RU-01");
    describe("unknown-metadata", "a rule carries metadata the checker does not know");
    describe("missing-metadata", "a rule lacks required metadata");
    describe("unknown-party", "a rule names a party that the vocabulary does not define");
    describe("wrong-party", "a rule sits in the file of another party");
    describe("id-prefix", "a constraint id does not start with its party's code");
    describe("invalid-kind", "a rule's kind is not red-line, objection, preference or coherence");
    describe("unknown-source", "a rule cites a source that is neither in the catalogue nor a seed file");
    describe("invalid-evidence", "a rule's evidence tag is not R, D or I");
    describe("invalid-date", "a rule's date is not a valid yyyy-mm-dd date");
    describe("missing-weight", "a preference has no weight");
    describe("invalid-weight", "a preference's weight is not a whole number from 1 to 10");
    describe("unused-weight", "a rule that is not a preference carries a weight");
    describe("duplicate-id", "two rules share a constraint id");
    describe("missing-party-file", "the vocabulary names a rule file that does not exist");
    describe("unknown-term", "a rule reads a term that the vocabulary does not define");
    describe("unknown-option", "a rule compares a term with a value that is not one of its options");
    describe("unknown-fact", "a rule matches something other than Proposal( ... )");
    describe("unsupported-condition", "a rule's condition uses a form outside the subset Redline decides exactly (a second pattern, not, exists, eval, accumulate, from, a method call, a comparison of two fields)");
    describe("wrong-operator", "a rule compares a term with an operator its kind does not take (e.g. < on a one-option term)");
    describe("wrong-type", "a rule compares a term with a literal of the wrong type (a number term with a string, a flag with a number)");
    describe("empty-condition", "a rule has no condition");
    describe("unused-term", "no rule reads a term of the vocabulary");
    describe("rule-failed", "a rule failed while the checker ran it");
    describe("misplaced-coherence", "a coherence rule names a party or sits in a party's file");
    describe("coherence-excludes-nothing", "no value of the terms a coherence rule reads makes it fire: it excludes nothing");
    describe("coherence-excludes-all", "a coherence rule fires for every proposal: nothing could ever be proposed");
    describe("incoherent-proposal", "a proposal holds a combination of terms that a coherence rule says cannot exist");
    describe("never-broken", "no value of the terms a constraint reads can break it: its rule never fires");
    describe("always-broken", "every value of the terms a constraint reads breaks it: its rule always fires");
    describe("duplicate-constraint", "two constraints of one party and kind are broken by exactly the same values");
    describe("subsumed-constraint", "whenever one constraint of a party is broken, another of the same kind is too");
    describe("party-contradiction", "no proposal can satisfy a set of one party's red lines together");
    describe("red-line-conflict", "no proposal can satisfy a set of red lines of different parties together");
    describe("conflict-search-limit", "the search for conflicting red lines stopped early; the conflicts found may be incomplete");
    describe("check-failed", "a stage of the checker failed; the rules may be too large to analyse");
  }

  private Codes() {}

  private static void describe(String code, String text) {
    DESCRIPTIONS.put(code, text);
  }

  /** What {@code code} means, or the code itself when it is not one of the checker's. */
  public static String describe(String code) {
    return DESCRIPTIONS.getOrDefault(code, code);
  }
}
