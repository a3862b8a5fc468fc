package redline.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redline.engine.RuleBook;
import redline.model.Diagnostic;

/** The usual mistakes of a hand-written proposal, in the shipped vocabulary, said in domain words at the right place. */
class PlainJsonErrorsTest {
  static ProposalReader reader;

  @BeforeAll
  static void load() throws Exception {
    reader = new ProposalReader(RuleBook.load(Path.of("rules")).vocabulary());
  }

  private static List<String> read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8), "draft.json").diagnostics().stream().map(Diagnostic::render).toList();
  }

  @Test
  void unknownTermsGetTheTermTheyBeginOrAreCloseTo() {
    assertEquals(
        List.of(
            "draft.json:1:23 /terms/amnesty: error [unknown-term]: unknown term `amnesty` (did you mean `amnesty_accountability`?)",
            "draft.json:1:36 /terms/nato: error [unknown-term]: unknown term `nato` (did you mean `nato_accession` or `nato_enlargement_pledge`?)",
            "draft.json:1:56 /terms/sanction: error [unknown-term]: unknown term `sanction` (did you mean `sanctions`?)",
            "draft.json:1:74 /terms/elections: error [unknown-term]: unknown term `elections` (did you mean `ukraine_elections`?)"),
        Diagnostic.sorted(reader.read("{\"terms\": {\"amnesty\": \"X\", \"nato\": \"OPEN\", \"sanction\": \"X\", \"elections\": \"X\"}}".getBytes(StandardCharsets.UTF_8), "draft.json").diagnostics())
            .stream().map(Diagnostic::render).toList());
  }

  @Test
  void aNumberWithSeparatorsOrInQuotesSaysHowToWriteIt() {
    assertEquals(List.of("draft.json:1:24: error [thousands-separator]: numbers take no thousands separators: `800,000` (write 800000)"),
        read("{\"terms\": {\"army_cap\": 800,000}}"));
    assertEquals(List.of("draft.json:1:24 /terms/army_cap: error [quoted-number]: term `army_cap` takes a number, not text: `\"800,000\"` is in quotes (remove the quotes and the separators: write 800000)"),
        read("{\"terms\": {\"army_cap\": \"800,000\"}}"));
  }

  @Test
  void aTrailingCommaAndACommentArePointedAt() {
    assertEquals(List.of("draft.json:2:23: error [trailing-comma]: a comma after the last field of an object: JSON allows none (remove this comma)"),
        read("{\"terms\": {\n  \"neutrality\": \"NONE\",\n}}"));
    assertEquals(List.of("draft.json:1:12: error [comment]: comments are not allowed in a proposal file (JSON has none): `/*...` (remove the comment; write remarks in the `notes` field)"),
        read("{\"terms\": {/* x */}}"));
  }
}
