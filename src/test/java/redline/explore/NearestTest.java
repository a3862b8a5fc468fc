package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.Cli;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.Evaluation;
import redline.model.Party;
import redline.model.Proposal;
import redline.model.TermValue;
import redline.model.Verdict;

/** {@code nearest}: suggestions re-evaluate as claimed, are minimal, and none smaller exists. */
class NearestTest {
  static RuleBook fixture;
  static Evaluator evaluator;
  static Space space;
  static List<Evaluation> everything;

  @BeforeAll
  static void load() throws RulesException {
    fixture = RuleBook.load(ExplorerTest.FIXTURE);
    evaluator = new Evaluator(fixture);
    space = Space.of(evaluator);
    everything = evaluator.evaluateAll(ExplorerTest.all(space));
  }

  /** The terms in which a zone proposal differs from a fully set draft. */
  static Set<String> differences(Proposal draft, Proposal q) {
    Set<String> out = new java.util.TreeSet<>();
    draft.terms().forEach((t, v) -> {
      if (!v.equals(q.terms().get(t))) {
        out.add(t);
      }
    });
    return out;
  }

  static Proposal randomDraft(Space s, Random random, double openRate) {
    Map<String, TermValue> terms = new LinkedHashMap<>();
    for (int t = 0; t < s.terms().size(); t++) {
      if (random.nextDouble() >= openRate) {
        int[] d = s.distinct(t);
        terms.put(s.terms().get(t), s.values(t).get(d[random.nextInt(d.length)]));
      }
    }
    return Proposal.of("R", terms);
  }

  @Test
  void onTheFixtureTheFewestChangesEqualBruteForceAndEverySuggestionIsMinimal() {
    Random random = new Random(7);
    List<List<String>> partySets = List.of(List.of("AA", "BB"), List.of("AA", "CC"), List.of("BB"), List.of("AA"));
    for (int i = 0; i < 40; i++) {
      Proposal draft = randomDraft(space, random, 0);
      List<String> codes = partySets.get(i % partySets.size());
      Problem p = Problem.of(fixture, Set.copyOf(codes), false);
      int k = 3;
      Suggestions x = Nearest.search(evaluator, space, p, draft, k, 1000, Progress.NONE);
      assertTrue(x.errors().isEmpty(), x.errors().toString());
      List<Evaluation> zone = everything.stream().filter(e -> ExplorerTest.brokenHard(e, p).isEmpty()).toList();
      int fewest = zone.stream().mapToInt(e -> differences(draft, e.proposal()).size()).min().orElse(Integer.MAX_VALUE);
      if (fewest > k) {
        assertTrue(x.suggestions().isEmpty(), "nothing within " + k);
        continue;
      }
      assertFalse(x.suggestions().isEmpty(), draft + " " + codes);
      assertEquals(fewest, x.suggestions().get(0).size(), "fewest changes for " + draft.terms() + " " + codes);
      for (Suggestions.Suggestion s : x.suggestions()) {
        Set<String> changed = new java.util.TreeSet<>();
        s.changes().forEach(c -> changed.add(c.term()));
        // no proper subset of the changed terms works: drop any one term and no zone proposal remains
        for (String t : changed) {
          Set<String> fewer = new java.util.TreeSet<>(changed);
          fewer.remove(t);
          assertTrue(
              zone.stream().noneMatch(e -> fewer.containsAll(differences(draft, e.proposal()))),
              "suggestion " + s.changes() + " is not minimal: " + fewer + " suffices");
        }
      }
    }
  }

  @Test
  void anOpenTermIsSettledNotCountedAndReportedAsOpen() {
    Proposal draft =
        Proposal.of(
            "D",
            Map.of("alpha", new TermValue.One("Y"), "beta", new TermValue.One("Q"), "cap", new TermValue.Number(5, Map.of()), "delta", new TermValue.One("K")));
    Suggestions x = Nearest.search(evaluator, Problem.of(fixture, Set.of("AA", "BB"), false), draft, 3, 10, Progress.NONE);
    assertEquals(List.of("gamma"), x.open());
    assertEquals(List.of("gamma"), x.settle());
    assertEquals(2, x.minimum());
    for (Suggestions.Suggestion s : x.suggestions()) {
      assertTrue(s.changes().stream().anyMatch(c -> c.term().equals("gamma") && c.settles()));
      assertEquals(2, s.size());
    }
  }

  @Test
  void onTheShippedRulesEverySuggestionReEvaluatesToNoRejectionWithinKChanges() throws RulesException {
    RuleBook shipped = RuleBook.load(Path.of("rules"));
    Evaluator ev = new Evaluator(shipped);
    Space s = Space.of(ev);
    Random random = new Random(2025);
    List<String> codes = shipped.parties().stream().map(Party::code).toList();
    int withSuggestions = 0;
    int incoherentDrawn = 0;
    for (int i = 0; i < 50; i++) {
      Proposal draft = randomDraft(s, random, 0.1);
      // with many coherence rules most random drafts cannot exist; draw again (a bounded number
      // of times) so that the property is exercised on drafts that can, and count the others
      for (int again = 0; again < 200 && ev.evaluate(draft).errors().stream().anyMatch(d -> d.code().equals(Evaluator.INCOHERENT)); again++) {
        incoherentDrawn++;
        draft = randomDraft(s, random, 0.1);
      }
      List<String> chosen = new ArrayList<>();
      for (String c : codes) {
        if (random.nextBoolean()) {
          chosen.add(c);
        }
      }
      if (chosen.isEmpty()) {
        chosen.add(codes.get(1));
      }
      int k = 1 + random.nextInt(5);
      Problem p = Problem.of(shipped, Set.copyOf(chosen), false);
      Suggestions x = Nearest.search(ev, s, p, draft, k, 5, Progress.NONE);
      if (ev.evaluate(draft).errors().stream().anyMatch(d -> d.code().equals(Evaluator.INCOHERENT))) {
        // a draft that cannot exist is refused, naming the coherence rule, with no suggestion
        assertTrue(x.suggestions().isEmpty());
        assertTrue(x.errors().stream().allMatch(d -> d.code().equals(Evaluator.INCOHERENT)), x.errors().toString());
        continue;
      }
      assertTrue(x.errors().isEmpty(), x.errors().toString());
      assertFalse(x.partial());
      withSuggestions += x.suggestions().isEmpty() ? 0 : 1;
      for (Suggestions.Suggestion g : x.suggestions()) {
        assertTrue(g.size() <= k, "at most " + k + " changes");
        // changes are real changes, settles only fill open terms
        for (Suggestions.Change c : g.changes()) {
          if (c.settles()) {
            assertFalse(draft.terms().containsKey(c.term()));
          } else {
            assertNotEquals(c.from(), c.to());
          }
        }
        Evaluation again = ev.evaluate(g.proposal());
        for (String code : chosen) {
          assertNotEquals(Verdict.REJECTS, again.party(code).orElseThrow().verdict(), code + " after " + g.changes());
          assertNotEquals(Verdict.REJECTS, g.after().party(code).orElseThrow().verdict());
        }
        assertEquals(g.size(), g.changes().stream().filter(c -> !c.settles()).count());
      }
      for (int j = 1; j < x.suggestions().size(); j++) {
        Suggestions.Suggestion a = x.suggestions().get(j - 1);
        Suggestions.Suggestion b = x.suggestions().get(j);
        assertTrue(a.size() < b.size() || (a.size() == b.size() && a.lost() <= b.lost()), "ranked");
      }
    }
    assertTrue(withSuggestions > 10, "the property test should exercise suggestions: " + withSuggestions + " (incoherent drafts drawn again: " + incoherentDrawn + ")");
  }

  @Test
  void nearestJsonHasSuggestionsWithChangesAndVerdicts() throws Exception {
    Cli r = Cli.run("nearest", "--rules", ExplorerTest.FIXTURE.toString(), "src/test/resources/explore/draft-open.json", "--parties", "AA,BB", "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("[\"gamma\"]", root.get("open").toString());
    JsonNode first = root.get("suggestions").get(0);
    for (JsonNode c : first.get("changes")) {
      assertTrue(c.has("term") && c.has("from") && c.has("to"), c.toString());
    }
    assertTrue(first.get("changes").toString().contains("{\"term\":\"gamma\",\"from\":null,\"to\":[]"));
    assertEquals("ACCEPTS", first.get("verdicts").get("BB").asText());
    assertTrue(first.get("effects").isArray());
    assertEquals(2, root.get("minimum").asInt());
  }

  @Test
  void exploreJsonStatesTheZoneAndTheRelaxations() throws Exception {
    Cli r = Cli.run("explore", "--rules", ExplorerTest.FIXTURE.toString(), "--format", "json");
    assertEquals(0, r.exit(), r.err());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertTrue(root.get("exact").asBoolean());
    assertTrue(root.get("zone").get("empty").asBoolean());
    assertEquals(0, root.get("zone").get("size").asInt());
    assertEquals(4, root.get("relaxations").get("count").asInt());
    assertEquals("[\"BB-01\"]", root.get("relaxations").get("sets").get(0).get("constraints").toString());
    assertEquals("[[\"BB\"],[\"CC\"]]", root.get("partySets").toString());
    Cli open = Cli.run("explore", "--rules", ExplorerTest.FIXTURE.toString(), "--parties", "AA,BB", "--format", "json");
    JsonNode z = new ObjectMapper().readTree(open.out());
    assertEquals(32, z.get("zone").get("size").asInt());
    assertEquals(4, z.get("maximin").get("scores").get("BB").asInt());
  }

  @Test
  void badFixesAndPartiesAreBadInput() {
    Cli r = Cli.run("explore", "--rules", ExplorerTest.FIXTURE.toString(), "--fix", "alpha=W", "--parties", "ZZ");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("`W` is not an option of `alpha`"), r.err());
    assertTrue(r.err().contains("unknown party `ZZ`"), r.err());
  }

  @Test
  void aGroupNoValueCanSatisfyIsNamedBlockedAndOnlyThen() throws RulesException {
    RuleBook shipped = RuleBook.load(Path.of("rules"));
    Evaluator ev = new Evaluator(shipped);
    Proposal draft =
        new redline.load.ProposalReader(shipped.vocabulary()).read(Path.of("cases/us-28-point-plan.json"), "us-28").proposal();
    Space s = Nearest.spaceFor(ev, draft);
    // all five parties: their red lines cannot all hold (explore's zone is empty), so a group is blocked
    Suggestions all = Nearest.search(ev, s, Problem.of(shipped, Set.of("RU", "UA", "US", "EU", "COW"), false), draft, 3, 3, Progress.NONE);
    assertFalse(all.blocked().isEmpty(), all.toString());
    assertTrue(all.suggestions().isEmpty());
    // without Russia some version keeps every party: nothing is blocked
    Suggestions four = Nearest.search(ev, s, Problem.of(shipped, Set.of("UA", "US", "EU", "COW"), false), draft, 5, 3, Progress.NONE);
    assertEquals(List.of(), four.blocked());
    assertFalse(four.suggestions().isEmpty());
  }
}
