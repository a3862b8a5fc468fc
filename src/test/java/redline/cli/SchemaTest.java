package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.Cli;

/**
 * The JSON Schema that {@code redline schema} generates, checked with an independent validator:
 * it accepts every shipped case, and rejects what the reader rejects for the same reason.
 */
class SchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static JsonSchema schema;

  @BeforeAll
  static void generate() throws IOException {
    Cli r = Cli.run("schema", "--rules", "rules");
    assertEquals(0, r.exit(), r.transcript());
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(r.out()));
  }

  @Test
  void everyShippedCaseIsValid() throws IOException {
    List<Path> cases;
    try (Stream<Path> s = Files.list(Path.of("cases"))) {
      cases = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(cases.isEmpty());
    for (Path c : cases) {
      Set<ValidationMessage> errors = schema.validate(JSON.readTree(c.toFile()));
      assertTrue(errors.isEmpty(), c + ": " + errors);
    }
  }

  @Test
  void unknownTermsInvalidOptionsAndWrongTypesAreInvalid() throws IOException {
    for (String bad :
        List.of(
            "{\"terms\": {\"nato\": \"OPEN\"}}",
            "{\"terms\": {\"nato_accession\": \"OPNE\"}}",
            "{\"terms\": {\"security_guarantee\": \"VAGUE_ONLY\"}}",
            "{\"terms\": {\"army_cap\": \"lots\"}}",
            "{\"terms\": {\"army_cap\": {\"value\": 800000, \"wartime\": true}}}",
            "{\"id\": \"no terms\"}")) {
      JsonNode doc = JSON.readTree(bad);
      assertFalse(schema.validate(doc).isEmpty(), bad);
    }
  }

  @Test
  void numberTermsTakeANumberNoneOrAnObjectWithFlags() throws IOException {
    for (String good :
        List.of(
            "{\"terms\": {\"army_cap\": 600000}}",
            "{\"terms\": {\"army_cap\": \"NONE\"}}",
            "{\"terms\": {\"army_cap\": {\"value\": 800000, \"peacetime\": true}}}",
            "{\"terms\": {\"security_guarantee\": []}}")) {
      assertTrue(schema.validate(JSON.readTree(good)).isEmpty(), good);
    }
  }
}
