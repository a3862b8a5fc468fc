package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redline.Cli;
import redline.Golden;

/** {@code redline compare}: golden text and JSON on a shipped variant, and a draft compared with itself. */
class CompareTest {
  static final String BASE = "cases/us-28-point-plan.json";
  static final String DRAFT = "cases/us-28-point-plan--army-800k-peacetime.json";
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void textMatchesItsGoldenFile() throws Exception {
    Cli r = Cli.run("compare", "--color", "never", BASE, DRAFT);
    assertEquals(0, r.exit(), r.transcript());
    Golden.check(GOLDEN.resolve("compare-army-800k.txt"), r.out());
  }

  @Test
  void jsonMatchesItsGoldenFile() throws Exception {
    Cli r = Cli.run("compare", "--format", "json", BASE, "cases/us-28-point-plan--nato-door-open.json");
    assertEquals(0, r.exit(), r.transcript());
    Golden.check(GOLDEN.resolve("compare-nato-door-open.json"), r.out());
    JsonNode root = new ObjectMapper().readTree(r.out());
    assertEquals("US", root.get("moved").get(0).asText());
  }

  @Test
  void theFlipsAreExactlyTheConstraintsWhoseStatusDiffers() throws Exception {
    ObjectMapper m = new ObjectMapper();
    JsonNode a = m.readTree(Cli.run("evaluate", "--format", "json", BASE).out()).get("evaluations").get(0);
    JsonNode b = m.readTree(Cli.run("evaluate", "--format", "json", DRAFT).out()).get("evaluations").get(0);
    JsonNode c = m.readTree(Cli.run("compare", "--format", "json", BASE, DRAFT).out());
    int expected = 0;
    for (int p = 0; p < a.get("parties").size(); p++) {
      JsonNode ca = a.get("parties").get(p).get("constraints");
      JsonNode cb = b.get("parties").get(p).get("constraints");
      for (int k = 0; k < ca.size(); k++) {
        if (!ca.get(k).get("status").equals(cb.get(k).get("status"))) {
          expected++;
        }
      }
    }
    int flips = 0;
    for (JsonNode p : c.get("parties")) {
      flips += p.get("flips").size();
    }
    assertEquals(expected, flips);
    assertTrue(flips > 0);
  }

  @Test
  void aDraftComparedWithItselfMovesNothing() {
    Cli r = Cli.run("compare", "--color", "never", BASE, BASE);
    assertEquals(0, r.exit(), r.transcript());
    assertTrue(r.out().contains("the two drafts set every term alike") && r.out().contains("no verdict moved"), r.out());
    assertTrue(!r.out().contains("->  "), r.out());
  }

  @Test
  void aBadDraftIsBadInput() {
    Cli r = Cli.run("compare", BASE, "cases/no-such-draft.json");
    assertEquals(ExitCode.BAD_INPUT, r.exit(), r.transcript());
    assertTrue(r.err().contains("no such file"), r.transcript());
  }
}
