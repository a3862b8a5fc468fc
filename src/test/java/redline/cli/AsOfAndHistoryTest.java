package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redline.Cli;
import redline.Golden;

/** {@code --as-of} on the commands that read the rules, and {@code redline history}, on the shipped rules. */
class AsOfAndHistoryTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final String PLAN = "cases/us-28-point-plan.json";

  static JsonNode evaluation(String... args) throws Exception {
    Cli r = Cli.run(args);
    assertEquals(0, r.exit(), r.transcript());
    return JSON.readTree(r.out()).get("evaluations").get(0);
  }

  @Test
  void evaluateStatesThePositionsItUsed() throws Exception {
    JsonNode latest = evaluation("evaluate", "--rules", "rules", "--format", "json", PLAN);
    assertTrue(latest.get("positions").get("latest").asBoolean());
    JsonNode dated = evaluation("evaluate", "--rules", "rules", "--format", "json", "--as-of", "2025-11-20", PLAN);
    assertEquals("2025-11-20", dated.get("positions").get("asOf").asText());
    assertFalse(dated.get("positions").get("latest").asBoolean());
    JsonNode own = evaluation("evaluate", "--rules", "rules", "--format", "json", "--as-of", "proposal", PLAN);
    assertEquals("2025-11-20", own.get("positions").get("asOf").asText());
    assertEquals(dated.get("verdicts"), own.get("verdicts"));
    Cli text = Cli.run("evaluate", "--rules", "rules", "--color", "never", "--as-of", "2025-11-20", PLAN);
    assertTrue(text.out().contains("judged against the positions as of 2025-11-20\n"), text.out());
  }

  @Test
  void thePlanOfNovember2025GetsDifferentStancesNow() throws Exception {
    JsonNode then = evaluation("evaluate", "--rules", "rules", "--format", "json", "--as-of", "2025-11-20", PLAN);
    JsonNode now = evaluation("evaluate", "--rules", "rules", "--format", "json", PLAN);
    assertTrue(ids(then).contains("\"UA-01\"") && !ids(then).contains("\"UA-35\""), ids(then));
    assertTrue(ids(now).contains("\"UA-35\"") && !ids(now).contains("\"UA-01\""), ids(now));
  }

  private static String ids(JsonNode evaluation) {
    StringBuilder b = new StringBuilder();
    evaluation.get("parties").forEach(p -> p.get("constraints").forEach(c -> b.append('"').append(c.get("id").asText()).append("\" ")));
    return b.toString();
  }

  @Test
  void aBadDateIsABadCommandLine() {
    Cli r = Cli.run("evaluate", "--rules", "rules", "--as-of", "2025-02-30", PLAN);
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.err().contains("`2025-02-30` is not a date"), r.err());
    Cli check = Cli.run("check", "--as-of", "proposal", "rules");
    assertEquals(2, check.exit(), check.transcript());
  }

  @Test
  void testRunsEachCaseAtItsOwnDateUnlessAsked() throws Exception {
    Cli own = Cli.run("test", "--rules", "rules", "--format", "json", PLAN, "cases/twenty-point-framework.json");
    assertEquals(0, own.exit(), own.transcript());
    JsonNode cases = JSON.readTree(own.out()).get("cases");
    assertEquals("2025-11-20", cases.get(0).get("positions").get("asOf").asText());
    assertEquals("2025-12-24", cases.get(1).get("positions").get("asOf").asText());
    // the 28-point plan's expectations list stances that later positions replaced
    Cli latest = Cli.run("test", "--rules", "rules", "--color", "never", "--as-of", "latest", PLAN);
    assertEquals(1, latest.exit(), latest.transcript());
    assertTrue(latest.out().contains("not in force"), latest.out());
  }

  @Test
  void aCaseListingAStanceNotInForceOnItsDateIsMalformed(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
    Path c = tmp.resolve("pinned.json");
    java.nio.file.Files.writeString(
        c,
        """
        {"id": "pinned", "title": "t", "asOf": "2025-11-20", "terms": {"nato_accession": "RENOUNCED"},
         "expect": {"positionsAsOf": "2025-11-20", "parties": {"UA": {"verdict": "REJECTS", "broken": ["UA-35"]}}}}
        """);
    Cli r = Cli.run("test", "--rules", "rules", "--color", "never", c.toString());
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.out().contains("[not-in-force]: constraint `UA-35` is not in force on 2025-11-20"), r.transcript());
    assertTrue(r.out().contains("from 2025-12-14 on"), r.transcript());
    java.nio.file.Files.writeString(c, java.nio.file.Files.readString(c).replace("2025-11-20\", \"parties", "2025-12-20\", \"parties"));
    Cli later = Cli.run("test", "--rules", "rules", "--color", "never", c.toString());
    assertEquals(0, later.exit(), later.transcript());
  }

  @Test
  void checkAndExploreTakeADate() throws Exception {
    Cli check = Cli.run("check", "--format", "json", "--as-of", "2025-11-20", "rules");
    assertEquals(0, check.exit(), check.transcript());
    assertEquals("2025-11-20", JSON.readTree(check.out()).get("positions").get("asOf").asText());
    Cli explore = Cli.run("explore", "--rules", "rules", "--format", "json", "--as-of", "2025-11-20", "--parties", "US,COW");
    assertEquals(0, explore.exit(), explore.transcript());
    assertEquals("2025-11-20", JSON.readTree(explore.out()).get("positions").get("asOf").asText());
  }

  @Test
  void historyShowsTheUsMovingFrom600000To800000() throws Exception {
    Cli r = Cli.run("history", "--rules", "rules", "--color", "never", "--term", "army_cap");
    assertEquals(0, r.exit(), r.transcript());
    int old = r.out().indexOf("until 2025-12-15         US-09");
    int now = r.out().indexOf("from 2025-12-15          US-26");
    assertTrue(old > 0 && now > old, r.out());
    Golden.check(GOLDEN.resolve("history-army_cap.txt"), r.out());
    Cli json = Cli.run("history", "--rules", "rules", "--format", "json", "--party", "UA", "--term", "nato_accession");
    assertEquals(0, json.exit(), json.transcript());
    Golden.check(GOLDEN.resolve("history-UA-nato_accession.json"), json.out());
    JsonNode stances = JSON.readTree(json.out()).get("history").get(0).get("stances");
    assertEquals("UA-01", stances.get(0).get("id").asText());
    assertEquals("2025-12-14", stances.get(0).get("until").asText());
  }

  @Test
  void historyAsOfADayStopsThereAndMarksTheStancesInForce() throws Exception {
    Cli r = Cli.run("history", "--rules", "rules", "--format", "json", "--term", "army_cap", "--party", "US", "--as-of", "2025-11-20");
    assertEquals(0, r.exit(), r.transcript());
    JsonNode root = JSON.readTree(r.out());
    assertEquals("2025-11-20", root.get("positions").get("asOf").asText());
    JsonNode stances = root.get("history").get(0).get("stances");
    assertEquals(2, stances.size(), "US-26 starts later: " + stances);
    assertTrue(stances.get(1).get("inForce").asBoolean());
    assertEquals("US-09", stances.get(1).get("id").asText());
    assertEquals(2, Cli.run("schema", "--as-of", "2025-11-20").exit());
  }

  @Test
  void historyNamesAnUnknownTerm() {
    Cli r = Cli.run("history", "--rules", "rules", "--term", "army_capp");
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.err().contains("did you mean `army_cap`?"), r.err());
  }
}
