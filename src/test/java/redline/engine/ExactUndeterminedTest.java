package redline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.model.Evaluation;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * A constraint with open terms is UNDETERMINED only when some completion of them breaks it and
 * another satisfies it; when every completion agrees, that status is reported.
 */
class ExactUndeterminedTest {
  static Evaluator linked;

  @BeforeAll
  static void load() throws RulesException {
    linked = new Evaluator(RuleBook.load(Path.of("src/test/resources/linked/rules")));
  }

  private static Status status(Evaluation e, String id) {
    return e.parties().stream()
        .flatMap(p -> p.constraints().stream())
        .filter(c -> c.constraint().id().equals(id))
        .findFirst()
        .orElseThrow()
        .status();
  }

  private static Proposal proposal(Map<String, TermValue> terms) {
    return Proposal.of("p", new LinkedHashMap<>(terms));
  }

  private static TermValue.Many set(String... options) {
    return new TermValue.Many(new TreeSet<>(List.of(options)));
  }

  @Test
  void aTermThatAloneDecidesALinkedConstraintDecidesIt() {
    Evaluation e = linked.evaluate(proposal(Map.of("alliance", new TermValue.One("OPEN"))));
    assertEquals(Status.SATISFIED, status(e, "AA-01"), "OPEN satisfies AA-01 whatever the guarantee");
    Evaluation member = linked.evaluate(proposal(Map.of("alliance", new TermValue.One("MEMBER"))));
    assertEquals(Status.BROKEN, status(member, "BB-01"));
    assertEquals(Verdict.REJECTS, member.party("BB").orElseThrow().verdict());
  }

  @Test
  void aLinkedConstraintStaysUndeterminedWhenTheOpenTermCanGoBothWays() {
    Evaluation e = linked.evaluate(proposal(Map.of("alliance", new TermValue.One("RENOUNCED"))));
    assertEquals(Status.UNDETERMINED, status(e, "AA-01"));
    Evaluation withBilateral =
        linked.evaluate(proposal(Map.of("alliance", new TermValue.One("RENOUNCED"), "guarantee", set("BILATERAL"))));
    assertEquals(Status.SATISFIED, status(withBilateral, "AA-01"));
    Evaluation without =
        linked.evaluate(proposal(Map.of("alliance", new TermValue.One("RENOUNCED"), "guarantee", set("FORCE"))));
    assertEquals(Status.BROKEN, status(without, "AA-01"));
  }

  @Test
  void anEmptySetDecidesAConditionOnItWhateverTheOtherTerm() {
    Evaluation e = linked.evaluate(proposal(Map.of("guarantee", set())));
    assertEquals(Status.SATISFIED, status(e, "BB-02"), "no force: the ceasefire does not matter");
    assertEquals(Status.BROKEN, status(e, "AA-03"));
    assertEquals(Status.UNDETERMINED, status(e, "AA-01"), "RENOUNCED without a guarantee breaks it, OPEN does not");
  }

  @Test
  void anOpenNumberIsCompletedOverEveryRegionTheRulesTellApart() {
    Evaluation e = linked.evaluate(proposal(Map.of()));
    assertEquals(Status.UNDETERMINED, status(e, "AA-02"));
    assertEquals(Status.UNDETERMINED, status(e, "BB-03"));
    assertEquals(Verdict.UNDETERMINED, e.party("AA").orElseThrow().verdict());
  }

  @Test
  void batchesDecideEachProposalByItsOwnCompletions() {
    List<Evaluation> all =
        linked.evaluateAll(
            List.of(
                proposal(Map.of("alliance", new TermValue.One("OPEN"))),
                proposal(Map.of("alliance", new TermValue.One("RENOUNCED")))));
    assertEquals(Status.SATISFIED, status(all.get(0), "AA-01"));
    assertEquals(Status.UNDETERMINED, status(all.get(1), "AA-01"));
  }
}
