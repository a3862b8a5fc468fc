package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;
import redline.Golden;

/**
 * Coherence rules at the command line: a proposal holding a combination that cannot exist is
 * refused with the rule named (exit 2); an open term is decided when every coherent completion
 * agrees.
 */
class CoherenceTest {
  static final String RULES = "src/test/resources/linked/rules";
  static final Path PROPOSALS = Path.of("src/test/resources/linked/proposals");

  @Test
  void anIncoherentProposalIsRefusedNamingTheCoherenceRule() throws Exception {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", PROPOSALS.resolve("incoherent.json").toString());
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.out().contains("COH-01"), r.transcript());
    assertFalse(r.transcript().contains("Exception"), r.transcript());
    Golden.check(PROPOSALS.resolve("incoherent.expected"), r.transcript());
  }

  @Test
  void theJsonTwinCarriesTheSameError() {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--format", "json", PROPOSALS.resolve("incoherent.json").toString());
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.out().contains("\"incoherent-proposal\""), r.transcript());
  }

  @Test
  void anIncoherentCaseFailsTheTestRunAsBadInput(@TempDir Path tmp) throws Exception {
    Path c = tmp.resolve("incoherent-case.json");
    Files.writeString(
        c,
        """
        {"id": "incoherent-case", "title": "t", "terms": {"alliance": "OPEN", "guarantee": ["ALLIANCE_CLAUSE"]},
         "expect": {"parties": {"AA": {"verdict": "ACCEPTS"}}}}
        """);
    Cli r = Cli.run("test", "--rules", RULES, "--color", "never", c.toString());
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.transcript().contains("COH-01"), r.transcript());
  }

  @Test
  void anOpenTermIsDecidedWhenEveryCompletionAgrees() throws Exception {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", PROPOSALS.resolve("open-guarantee-decided.json").toString());
    assertEquals(0, r.exit(), r.transcript());
    Golden.check(PROPOSALS.resolve("open-guarantee-decided.expected"), r.transcript());
  }
}
