package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import redline.Cli;
import redline.Golden;

/** {@code redline table}: goldens in every format on the fixture rules; on the shipped cases, every cell agrees with evaluate. */
class TableTest {
  static final String RULES = "src/test/resources/mini/rules";
  static final String PROPOSALS = "src/test/resources/mini/proposals";
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyFormatMatchesItsGoldenFile() throws Exception {
    for (String[] f : List.of(new String[] {"text", "txt"}, new String[] {"markdown", "md"}, new String[] {"csv", "csv"}, new String[] {"json", "json"})) {
      Cli r = Cli.run("table", "--rules", RULES, "--color", "never", "--format", f[0], PROPOSALS);
      assertEquals(0, r.exit(), r.transcript());
      Golden.check(GOLDEN.resolve("table." + f[1]), r.out());
    }
  }

  @Test
  void everyCellOfTheShippedCasesAgreesWithEvaluate() throws Exception {
    JsonNode table = JSON.readTree(Cli.run("table", "--format", "json", "cases").out());
    JsonNode evals = JSON.readTree(Cli.run("evaluate", "--format", "json", "cases").out()).get("evaluations");
    Map<String, JsonNode> byId = new HashMap<>();
    evals.forEach(e -> byId.put(e.get("proposal").get("id").asText(), e));
    assertEquals(evals.size(), table.get("rows").size());
    for (JsonNode row : table.get("rows")) {
      JsonNode e = byId.get(row.get("id").asText());
      for (JsonNode party : e.get("parties")) {
        JsonNode cell = row.get("cells").get(party.get("party").asText());
        assertEquals(party.get("verdict"), cell.get("verdict"), row.get("id") + " " + party.get("party"));
        assertEquals(party.get("decisive"), cell.get("decisive"));
        for (JsonNode id : cell.get("decisive")) {
          for (JsonNode k : party.get("constraints")) {
            if (k.get("id").equals(id)) {
              String want = switch (party.get("verdict").asText()) {
                case "REJECTS" -> "red-line BROKEN";
                case "OBJECTS" -> "objection BROKEN";
                default -> "";
              };
              if (!want.isEmpty()) {
                assertEquals(want, k.get("kind").asText() + " " + k.get("status").asText());
              } else {
                assertTrue(party.get("verdict").asText().equals("UNDETERMINED"));
              }
            }
          }
        }
      }
    }
  }

  @Test
  void evaluateGivesTheSameTableWithFormatTable() {
    Cli table = Cli.run("table", "--color", "never", "cases/us-28-point-plan.json", "cases/putin-alaska-terms.json");
    Cli evaluate = Cli.run("evaluate", "--color", "never", "--format", "table", "cases/us-28-point-plan.json", "cases/putin-alaska-terms.json");
    assertEquals(0, evaluate.exit(), evaluate.transcript());
    assertTrue(table.out().contains("putin-alaska-terms") && table.out().contains("us-28-point-plan"));
    assertEquals(table.out(), evaluate.out());
  }

  @Test
  void csvQuotesAndDefusesFormulas() {
    Cli r = Cli.run("table", "--format", "csv", "cases/us-28-point-plan.json");
    assertEquals(0, r.exit(), r.transcript());
    List<String> lines = r.out().lines().toList();
    assertEquals(2, lines.size());
    assertTrue(lines.get(1).startsWith("us-28-point-plan,\"US 28-point plan (draft given to Kyiv, 20 Nov 2025)\","), lines.get(1));
  }
}
