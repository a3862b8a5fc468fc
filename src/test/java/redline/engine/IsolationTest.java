package redline.engine;

import redline.analysis.Decisions;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;
import org.junit.jupiter.api.Test;
import redline.load.RuleFile;
import redline.model.Evaluation;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * One failure, one proposal: a rule that throws, or runs out of time, on some proposals yields
 * an error for those proposals only; the others of the batch keep their verdicts, and the
 * checker reports the failing constraint as failing, never as never-broken. The closed subset
 * refuses such conditions (a method call) at load, so the rule book is built here past the reader, as a rule the
 * engine itself got wrong would be.
 */
class IsolationTest {
  static final Path MINI = Path.of("src/test/resources/mini/rules");

  /**
   * The mini rules with {@code call} added to the condition of rule AA-01 (broken when alliance is
   * OPEN), so that it runs on exactly the proposals with alliance OPEN. Rule actions never run
   * (they are empty by contract), so a failing rule is a failing condition.
   */
  static RuleBook withCall(String call) throws Exception {
    return withCondition("Proposal( alliance == \"OPEN\", redline.engine.Hostile." + call + " )");
  }

  /** The mini rules with {@code condition} instead of rule AA-01's (broken when alliance is OPEN). */
  static RuleBook withCondition(String replacement) throws Exception {
    RuleBook.Loaded loaded = RuleBook.read(MINI, MINI.toString());
    List<RuleFile> files = new ArrayList<>();
    for (RuleFile f : loaded.files()) {
      if (f.party().equals("AA")) {
        String text = Files.readString(MINI.resolve("alpha.drl"));
        String condition = "Proposal( alliance == \"OPEN\" )";
        assertTrue(text.contains(condition));
        text = text.replace(condition, replacement);
        DrlParser parser = new DrlParser();
        PackageDescr descr = parser.parse((org.kie.api.io.Resource) null, new StringReader(text));
        assertFalse(parser.hasErrors(), parser.getErrors().toString());
        files.add(new RuleFile(f.shown(), f.party(), descr, f.constraints()));
      } else {
        files.add(f);
      }
    }
    RuleBook.Loaded patched = new RuleBook.Loaded(loaded.vocabulary(), loaded.sources(), files, loaded.diagnostics());
    return RuleBook.of(MINI.toString(), patched, Compiler.compile(patched.vocabulary(), files, List.of()));
  }

  static List<Proposal> batch() {
    List<Proposal> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      String alliance = i % 10 == 3 ? "OPEN" : "RENOUNCED";
      out.add(Proposal.of("p" + i, Map.of("alliance", new TermValue.One(alliance), "guarantee", new TermValue.Many(new java.util.TreeSet<>(java.util.Set.of("BILATERAL"))), "army_cap", new TermValue.Number(50000, Map.of("peacetime", false)))));
    }
    return out;
  }

  @Test
  void aRuleThatThrowsOnSomeProposalsFailsThoseOnly() throws Exception {
    RuleBook book = withCall("fail()");
    List<Proposal> proposals = batch();
    List<Evaluation> results = new Evaluator(book).evaluateAll(proposals);
    RuleBook clean = RuleBook.load(MINI);
    List<Evaluation> expected = new Evaluator(clean).evaluateAll(proposals);
    for (int i = 0; i < proposals.size(); i++) {
      Evaluation e = results.get(i);
      if (i % 10 == 3) {
        assertTrue(e.parties().isEmpty(), e.toString());
        assertEquals("rule-failed", e.errors().get(0).code());
      } else {
        assertTrue(e.errors().isEmpty(), e.errors().toString());
        assertEquals(expected.get(i).parties().stream().map(r -> r.verdict()).toList(), e.parties().stream().map(r -> r.verdict()).toList());
      }
    }
  }

  @Test
  void aFailureInOneOfSeveralSessionsRunningSideBySideFailsItsProposalOnly() throws Exception {
    RuleBook book = withCall("fail()");
    List<Proposal> proposals = new ArrayList<>();
    while (proposals.size() < Evaluator.CHUNK * 3 + 17) {
      for (Proposal p : batch()) {
        proposals.add(Proposal.of("q" + proposals.size(), p.terms()));
      }
    }
    List<Evaluation> results = new Evaluator(book).evaluateAll(proposals);
    List<Evaluation> expected = new Evaluator(RuleBook.load(MINI)).evaluateAll(proposals);
    assertEquals(proposals.size(), results.size());
    for (int i = 0; i < proposals.size(); i++) {
      Evaluation e = results.get(i);
      assertEquals(proposals.get(i).id(), e.proposal().id(), "results stay in the order given");
      if (proposals.get(i).terms().get("alliance").render().contains("OPEN")) {
        assertEquals("rule-failed", e.errors().get(0).code(), e.proposal().id());
      } else {
        assertEquals(expected.get(i).parties(), e.parties(), e.proposal().id());
      }
    }
  }

  @Test
  void theTimeLimitIsPerProposal() throws Exception {
    RuleBook book = withCall("sleep(1500)");
    List<Proposal> proposals = batch().subList(0, 12); // one slow proposal: p3
    List<Evaluation> results = new Evaluator(book, Duration.ofMillis(400)).evaluateAll(proposals);
    for (int i = 0; i < proposals.size(); i++) {
      Evaluation e = results.get(i);
      if (i == 3) {
        assertEquals("rule-timeout", e.errors().get(0).code(), e.toString());
      } else {
        assertTrue(e.errors().isEmpty(), i + ": " + e.errors());
        assertFalse(e.parties().isEmpty());
      }
    }
  }

  @Test
  void rulesReadByTheReaderAreBoundedFromTheFolderOrTheCacheAndRulesBuiltPastItAreNot(@org.junit.jupiter.api.io.TempDir Path cache) throws Exception {
    assertTrue(RuleBook.load(MINI).bounded());
    assertTrue(RuleBook.load(Path.of("rules")).bounded(), "the shipped rules");
    assertTrue(RuleBook.load(MINI, MINI.toString(), cache).bounded(), "compiled, then written to the cache");
    assertTrue(RuleBook.load(MINI, MINI.toString(), cache).bounded(), "read back from the cache");
    assertFalse(withCall("fail()").bounded());
    assertFalse(withCondition("Proposal( alliance == \"OPEN\" || alliance.length() > 99 )").bounded(), "a method call inside a comparison");
  }

  @Test
  void boundedRulesRunOnTheCallersThreadSoAnInterruptedCallerStillGetsItsVerdict() throws Exception {
    Proposal p = batch().get(3);
    Evaluator clean = new Evaluator(RuleBook.load(MINI));
    Evaluator slow = new Evaluator(withCall("sleep(10)"));
    Evaluation expected = clean.evaluate(p);
    Thread.currentThread().interrupt();
    try {
      Evaluation bounded = clean.evaluate(p);
      assertEquals(expected.parties(), bounded.parties());
      assertTrue(bounded.errors().isEmpty(), bounded.errors().toString());
      // rules that may never finish run on a worker the caller waits for: an interrupted
      // caller stops waiting, and says so
      Evaluation unbounded = slow.evaluate(p);
      assertEquals("interrupted", unbounded.errors().get(0).code(), unbounded.toString());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void theCheckerCallsAFailingConstraintFailingNotNeverBroken() throws Exception {
    RuleBook book = withCall("fail()");
    Decisions d = Decisions.compute(new Evaluator(book));
    // AA-01 fails on every probe with alliance OPEN, so exactly the constraints probed with
    // that value (the ones reading alliance) are undecided; the others are decided as usual
    assertTrue(d.failed().contains("AA-01"));
    for (var c : book.constraints()) {
      assertEquals(c.reads().contains("alliance"), d.failed().contains(c.id()), c.id());
    }
    assertFalse(d.errors().isEmpty());
  }
}
