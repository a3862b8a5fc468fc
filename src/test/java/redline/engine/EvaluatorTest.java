package redline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Limit;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.Term;
import redline.model.TermValue;
import redline.model.Verdict;

/** The library entry point: load a rules folder once, evaluate proposals, get immutable results. */
class EvaluatorTest {
  static RuleBook mini;
  static RuleBook shipped;

  @BeforeAll
  static void load() throws RulesException {
    mini = RuleBook.load(Path.of("src/test/resources/mini/rules"));
    shipped = RuleBook.load(Path.of("rules"));
  }

  @Test
  void theShippedRulesCoverTheFourMainPartiesWithAtLeastEightConstraintsEach() {
    for (String party : List.of("RU", "UA", "US", "EU")) {
      assertTrue(shipped.constraints(party).size() >= 8, party);
    }
    assertTrue(shipped.vocabulary().terms().size() >= 15);
  }

  @Test
  void everyShippedConstraintCitesASourceAndHasADate() {
    shipped.constraints().forEach(c -> assertTrue(!c.sources().isEmpty() && c.asOf() != null, c.id()));
  }

  @Test
  void resultsBuiltWhenReadHoldEachTermTheConstraintReadsAndCannotBeChanged() {
    Proposal p = Proposal.of("p", Map.of("alliance", new TermValue.One("RENOUNCED")));
    for (PartyResult party : new Evaluator(mini).evaluate(p).parties()) {
      List<redline.model.ConstraintResult> eager = new ArrayList<>();
      for (redline.model.ConstraintResult r : party.constraints()) {
        Map<String, String> terms = new LinkedHashMap<>();
        r.constraint().reads().forEach(t -> terms.put(t, p.value(t).map(TermValue::render).orElse(redline.model.ConstraintResult.OPEN)));
        assertEquals(terms, r.terms(), r.constraint().id());
        assertEquals(List.copyOf(terms.keySet()), List.copyOf(r.terms().keySet()), "in the order the constraint reads them");
        eager.add(new redline.model.ConstraintResult(r.constraint(), r.status(), terms));
      }
      assertEquals(eager, party.constraints());
      assertEquals(eager.hashCode(), party.constraints().hashCode());
      assertEquals(new PartyResult(party.party(), party.verdict(), party.score(), party.maxScore(), eager), party);
      assertThrows(UnsupportedOperationException.class, () -> party.constraints().remove(0));
    }
  }

  @Test
  void anOpenTermLeavesItsConstraintsUndeterminedNeverSatisfied() {
    Proposal p = Proposal.of("p", Map.of("alliance", new TermValue.One("RENOUNCED")));
    Evaluation e = new Evaluator(mini).evaluate(p);
    PartyResult bb = e.party("BB").orElseThrow();
    assertEquals(Verdict.UNDETERMINED, bb.verdict());
    bb.constraints().stream()
        .filter(c -> c.constraint().reads().contains("army_cap") || c.constraint().reads().contains("guarantee"))
        .forEach(c -> assertEquals(Status.UNDETERMINED, c.status(), c.constraint().id()));
  }

  @Test
  void anEmptyProposalIsUndeterminedForEveryParty() {
    Evaluation e = new Evaluator(shipped).evaluate(Proposal.of("empty", Map.of()));
    e.parties().forEach(r -> assertEquals(Verdict.UNDETERMINED, r.verdict(), r.party().code()));
  }

  @Test
  void noCeilingCountsAsAboveEveryCeiling() {
    Proposal p = Proposal.of("p", Map.of("army_cap", new TermValue.Number(Limit.NONE, Map.of())));
    Evaluation e = new Evaluator(mini).evaluate(p);
    assertEquals(Status.SATISFIED, status(e, "BB", "BB-01"));
    assertEquals(Status.BROKEN, status(e, "AA", "AA-03"));
  }

  @Test
  void resultsAreImmutable() {
    Evaluation e = new Evaluator(mini).evaluate(Proposal.of("p", Map.of()));
    assertThrows(UnsupportedOperationException.class, () -> e.parties().clear());
    assertThrows(UnsupportedOperationException.class, () -> e.parties().get(0).constraints().clear());
  }

  /** Property: one batch gives exactly what one-by-one evaluation gives, for random proposals. */
  @Test
  void batchEvaluationEqualsSingleEvaluation() {
    Random random = new Random(42);
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      proposals.add(randomProposal(random, "r" + i));
    }
    Evaluator ev = new Evaluator(shipped);
    List<Evaluation> batch = ev.evaluateAll(proposals);
    for (int i = 0; i < proposals.size(); i++) {
      assertEquals(ev.evaluate(proposals.get(i)), batch.get(i));
    }
  }

  /** Property: a verdict follows from the statuses of the party's red lines and objections. */
  @Test
  void verdictsFollowFromConstraintStatuses() {
    Random random = new Random(7);
    Evaluator ev = new Evaluator(shipped);
    for (int i = 0; i < 100; i++) {
      for (PartyResult r : ev.evaluate(randomProposal(random, "v" + i)).parties()) {
        boolean red = !r.with(Kind.RED_LINE, Status.BROKEN).isEmpty();
        boolean redOpen = !r.with(Kind.RED_LINE, Status.UNDETERMINED).isEmpty();
        boolean obj = !r.with(Kind.OBJECTION, Status.BROKEN).isEmpty();
        boolean objOpen = !r.with(Kind.OBJECTION, Status.UNDETERMINED).isEmpty();
        Verdict expected = red ? Verdict.REJECTS : redOpen ? Verdict.UNDETERMINED : obj ? Verdict.OBJECTS : objOpen ? Verdict.UNDETERMINED : Verdict.ACCEPTS;
        assertEquals(expected, r.verdict());
      }
    }
  }

  static Proposal randomProposal(Random random, String id) {
    if (shipped == null) {
      // called from another test class, before this one's set-up
      try {
        load();
      } catch (RulesException e) {
        throw new AssertionError(e);
      }
    }
    Map<String, TermValue> terms = new LinkedHashMap<>();
    for (Term t : shipped.vocabulary().terms().values()) {
      if (random.nextInt(4) == 0) {
        continue; // leave open
      }
      List<String> options = new ArrayList<>(t.options().keySet());
      switch (t.kind()) {
        case ONE -> terms.put(t.name(), new TermValue.One(options.get(random.nextInt(options.size()))));
        case SET -> {
          TreeSet<String> set = new TreeSet<>();
          options.forEach(o -> {
            if (random.nextBoolean()) {
              set.add(o);
            }
          });
          terms.put(t.name(), new TermValue.Many(set));
        }
        case NUMBER -> terms.put(t.name(), new TermValue.Number(random.nextInt(5) == 0 ? Limit.NONE : random.nextInt(1_000_000), Map.of()));
      }
    }
    return Proposal.of(id, terms);
  }

  private static Status status(Evaluation e, String party, String id) {
    return e.party(party).orElseThrow().constraints().stream()
        .filter(c -> c.constraint().id().equals(id))
        .findFirst()
        .orElseThrow()
        .status();
  }
}
