package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;

/** {@code redline new}: a skeleton the reader and the schema accept; a copy and a variant that evaluate like their source. */
class NewCommandTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String PLAN = "cases/us-28-point-plan.json";

  @Test
  void theSkeletonNamesEveryTermOpenAndIsAcceptedByReaderAndSchema(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("draft.json");
    Cli r = Cli.run("new", "-o", out.toString());
    assertEquals(0, r.exit(), r.transcript());
    JsonNode doc = JSON.readTree(out.toFile());
    JsonNode schema = JSON.readTree(Cli.run("schema").out());
    assertTrue(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema).validate(doc).isEmpty());
    assertEquals(schema.get("properties").get("terms").get("properties").size(), doc.get("terms").size());
    assertTrue(doc.get("notes").asText().contains("nato_accession: one of OPEN, CONSENSUS_DEPENDENT, RENOUNCED"));
    Cli e = Cli.run("evaluate", "--format", "json", out.toString());
    assertEquals(0, e.exit(), e.transcript());
    for (JsonNode p : JSON.readTree(e.out()).get("evaluations").get(0).get("parties")) {
      assertEquals("UNDETERMINED", p.get("verdict").asText());
    }
  }

  @Test
  void aCopyAndAVariantEvaluateLikeTheirSource(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("copy.json");
    Path variant = dir.resolve("variant.json");
    assertEquals(0, Cli.run("new", "--from", PLAN, "-o", copy.toString()).exit());
    assertEquals(0, Cli.run("new", "--extends", PLAN, "-o", variant.toString()).exit());
    assertTrue(Files.readString(variant).contains("\"extends\""));
    JsonNode a = verdicts(PLAN);
    assertEquals(a, verdicts(copy.toString()));
    assertEquals(a, verdicts(variant.toString()));
  }

  @Test
  void anExistingFileIsNeverOverwritten(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("mine.json");
    Files.writeString(out, "{}");
    Cli r = Cli.run("new", "-o", out.toString());
    assertEquals(ExitCode.BAD_INPUT, r.exit());
    assertTrue(r.err().contains("file-exists"), r.err());
    assertEquals("{}", Files.readString(out));
  }

  private static JsonNode verdicts(String file) throws Exception {
    Cli r = Cli.run("evaluate", "--format", "json", file);
    assertEquals(0, r.exit(), r.transcript());
    return JSON.readTree(r.out()).get("evaluations").get(0).get("verdicts");
  }
}
