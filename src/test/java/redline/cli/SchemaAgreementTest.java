package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import redline.Cli;
import redline.engine.RuleBook;
import redline.load.ProposalReader;
import redline.model.Diagnostic;

/**
 * The schema {@code redline schema} generates and the proposal reader accept and refuse the same
 * files: every fixture, good and bad, is judged by both (the schema by an independent validator).
 * A schema sees one parsed document, so problems beyond it are named here and only those are
 * left to the reader: syntax (malformed JSON, duplicate keys, size, depth), files (a missing base
 * or a cycle of {@code extends}, problems located in a base file) and calendar dates.
 */
class SchemaAgreementTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final Set<String> BEYOND_A_SCHEMA = Set.of(
      "malformed-json", "duplicate-key", "empty-file", "too-deep", "file-too-large", "file-not-found",
      "not-a-file", "unreadable-file", "missing-base", "extends-cycle", "extends-too-deep", "invalid-base",
      "invalid-date", "trailing-comma", "comment", "thousands-separator", "invalid-encoding");

  @TestFactory
  Stream<DynamicTest> schemaAndReaderAgreeOnEveryFixture() throws Exception {
    List<DynamicTest> tests = new ArrayList<>();
    tests.addAll(judge("rules", List.of(Path.of("cases"))));
    tests.addAll(judge("src/test/resources/mini/rules", List.of(
        Path.of("src/test/resources/mini/proposals"), Path.of("src/test/resources/bad-proposals"),
        Path.of("src/test/resources/bad-proposals/bases"))));
    return tests.stream();
  }

  private static List<DynamicTest> judge(String rules, List<Path> dirs) throws Exception {
    Cli r = Cli.run("schema", "--rules", rules);
    assertEquals(0, r.exit(), r.transcript());
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(r.out()));
    ProposalReader reader = new ProposalReader(RuleBook.load(Path.of(rules)).vocabulary());
    List<DynamicTest> out = new ArrayList<>();
    for (Path dir : dirs) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
      }
      assertTrue(!files.isEmpty(), dir.toString());
      for (Path f : files) {
        out.add(DynamicTest.dynamicTest(f.toString(), () -> agree(schema, reader, f)));
      }
    }
    return out;
  }

  private static void agree(JsonSchema schema, ProposalReader reader, Path f) throws IOException {
    ProposalReader.Result read = reader.read(f, f.toString());
    List<Diagnostic> own = read.diagnostics().stream()
        .filter(Diagnostic::isError)
        .filter(d -> d.at().file().equals(f.toString()))
        .filter(d -> !BEYOND_A_SCHEMA.contains(d.code()))
        .toList();
    boolean readerAccepts = read.proposal() != null;
    if (!readerAccepts && own.isEmpty()) {
      return; // refused only for what no schema can see (listed above)
    }
    JsonNode doc;
    try {
      doc = JSON.readTree(f.toFile());
    } catch (IOException e) {
      throw new AssertionError(f + ": the reader found only document problems " + own + " but Jackson cannot parse it");
    }
    boolean schemaAccepts = schema.validate(doc).isEmpty();
    assertEquals(readerAccepts, schemaAccepts,
        f + ": reader " + (readerAccepts ? "accepts" : "refuses " + own) + ", schema " + (schemaAccepts ? "accepts" : "refuses " + schema.validate(doc)));
  }
}
