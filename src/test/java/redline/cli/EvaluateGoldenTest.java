package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import redline.Cli;
import redline.Golden;

/** Golden files for the text and JSON reports of {@code evaluate}, on a small fixture rules folder. */
class EvaluateGoldenTest {
  static final String RULES = "src/test/resources/mini/rules";
  static final Path PROPOSALS = Path.of("src/test/resources/mini/proposals");
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TestFactory
  Stream<DynamicTest> textAndJsonReportsMatchTheirGoldenFiles() throws IOException {
    List<Path> inputs;
    try (Stream<Path> s = Files.list(PROPOSALS)) {
      inputs = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return inputs.stream()
        .flatMap(
            input -> {
              String name = input.getFileName().toString().replace(".json", "");
              return Stream.of(
                  DynamicTest.dynamicTest(
                      name + " text",
                      () -> {
                        Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", input.toString());
                        assertEquals(0, r.exit(), r.transcript());
                        Golden.check(GOLDEN.resolve("evaluate-" + name + ".txt"), r.out());
                      }),
                  DynamicTest.dynamicTest(
                      name + " detail",
                      () -> {
                        Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", "--detail", input.toString());
                        assertEquals(0, r.exit(), r.transcript());
                        Golden.check(GOLDEN.resolve("evaluate-" + name + "-detail.txt"), r.out());
                      }),
                  DynamicTest.dynamicTest(
                      name + " json",
                      () -> {
                        Cli r = Cli.run("evaluate", "--rules", RULES, "--format", "json", input.toString());
                        assertEquals(0, r.exit(), r.transcript());
                        Golden.check(GOLDEN.resolve("evaluate-" + name + ".json"), r.out());
                      }));
            });
  }

  /**
   * On a 50-line terminal the answer comes first: for every shipped case, the summary and every
   * broken red line of every rejecting party (id and title) are within the first 50 lines.
   */
  @TestFactory
  Stream<DynamicTest> theAnswerIsOnTheFirstScreen() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(Path.of("cases"))) {
      cases = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
          Cli text = Cli.run("evaluate", "--color", "never", c.toString());
          Cli json = Cli.run("evaluate", "--format", "json", c.toString());
          assertEquals(0, text.exit(), text.transcript());
          List<String> lines = text.out().lines().toList();
          String screen = String.join("\n", lines.subList(0, Math.min(50, lines.size())));
          assertTrue(lines.get(4).startsWith("Summary: "), lines.get(4)); // after the title, the file, the positions used
          JsonNode e = new ObjectMapper().readTree(json.out()).get("evaluations").get(0);
          int rejecting = 0;
          for (JsonNode party : e.get("parties")) {
            if (!party.get("verdict").asText().equals("REJECTS")) {
              continue;
            }
            rejecting++;
            for (JsonNode k : party.get("constraints")) {
              if (k.get("kind").asText().equals("red-line") && k.get("status").asText().equals("BROKEN")) {
                String shown = k.get("id").asText() + " " + k.get("title").asText() + ":";
                assertTrue(screen.contains(shown), c + ": `" + shown + "` is not on the first screen");
              }
            }
          }
          assertTrue(rejecting == 0 || screen.contains("REJECTS"));
        }));
  }

  @Test
  void theDetailKeepsEveryConstraint() {
    Cli r = Cli.run("evaluate", "--color", "never", "--detail", "cases/us-28-point-plan.json");
    assertEquals(0, r.exit(), r.transcript());
    assertTrue(r.out().contains("SATISFIED    US-01") && r.out().contains("stance: "), r.out());
  }

  @Test
  void colourIsUsedOnlyWhenAsked() {
    Cli plain = Cli.run("evaluate", "--rules", RULES, "--color", "never", PROPOSALS.resolve("open.json").toString());
    Cli color = Cli.run("evaluate", "--rules", RULES, "--color", "always", PROPOSALS.resolve("open.json").toString());
    assertTrue(!plain.out().contains("\u001b[") && color.out().contains("\u001b["));
  }

  @Test
  void partyFilterKeepsOnlyTheNamedParties() throws IOException {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--format", "json", "--party", "BB", PROPOSALS.resolve("open.json").toString());
    JsonNode root = new ObjectMapper().readTree(r.out());
    JsonNode parties = root.get("evaluations").get(0).get("parties");
    assertEquals(1, parties.size());
    assertEquals("BB", parties.get(0).get("party").asText());
  }

  @Test
  void aFolderStandsForItsProposals() {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", PROPOSALS.toString());
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Proposal complete") && r.out().contains("Proposal open") && r.out().contains("Proposal partial"));
  }

  @Test
  void schemaListsEveryTermAndOption() throws IOException {
    Cli r = Cli.run("schema", "--rules", RULES);
    assertEquals(0, r.exit());
    JsonNode s = new ObjectMapper().readTree(r.out());
    JsonNode terms = s.get("properties").get("terms").get("properties");
    assertEquals(List.of("alliance", "guarantee", "army_cap"), iter(terms.fieldNames()));
    assertEquals("OPEN", terms.get("alliance").get("enum").get(0).asText());
  }

  private static List<String> iter(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
