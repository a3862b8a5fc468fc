package redline.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import redline.model.Diagnostic;
import redline.model.Vocabulary;

/**
 * Fuzz test: mutated proposal files (byte flips, deletions, insertions, truncations) never make
 * the reader throw; each read gives either a proposal or at least one located error, never both.
 */
class ProposalReaderFuzzTest {
  @Test
  void mutatedProposalsNeverCrashTheReader() throws Exception {
    Vocabulary v = VocabularyReader.read(Path.of("rules/vocabulary.yaml"), "rules/vocabulary.yaml").vocabulary();
    assertNotNull(v);
    byte[] seed =
        ("{\"id\": \"f\", \"title\": \"fuzz\", \"sources\": [\"S18\"], \"asOf\": \"2025-11-20\", \"terms\": {"
                + "\"nato_accession\": \"RENOUNCED\", \"security_guarantee\": [\"VAGUE_ONLY\", \"US_ART5_LIKE_BILATERAL\"],"
                + " \"army_cap\": {\"value\": 800000, \"peacetime\": true}, \"neutrality\": \"NONE\"}}")
            .getBytes(StandardCharsets.UTF_8);
    ProposalReader reader = new ProposalReader(v);
    assertNotNull(reader.read(seed, "seed.json").proposal());
    Random random = new Random(2025);
    String alphabet = "{}[]\":,0123456789 \nNONEtrueflsARMY_aecpn\\-";
    for (int i = 0; i < 3000; i++) {
      byte[] b = seed.clone();
      int edits = 1 + random.nextInt(4);
      for (int k = 0; k < edits && b.length > 0; k++) {
        int at = random.nextInt(b.length);
        switch (random.nextInt(4)) {
          case 0 -> b[at] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
          case 1 -> b = splice(b, at, new byte[0], 1);
          case 2 -> b = splice(b, at, new byte[] {(byte) alphabet.charAt(random.nextInt(alphabet.length()))}, 0);
          default -> b = java.util.Arrays.copyOf(b, at);
        }
      }
      ProposalReader.Result r = reader.read(b, "fuzz.json");
      boolean error = Diagnostic.anyError(r.diagnostics());
      assertTrue(error ^ (r.proposal() != null), () -> "exactly one of a proposal or an error");
      for (Diagnostic d : r.diagnostics()) {
        assertFalse(d.message().isBlank());
        assertTrue(d.at().file().equals("fuzz.json"));
        assertFalse(d.message().contains("Exception"), d.message());
      }
    }
  }

  private static byte[] splice(byte[] b, int at, byte[] insert, int remove) {
    int end = Math.min(b.length, at + remove);
    byte[] out = new byte[b.length - (end - at) + insert.length];
    System.arraycopy(b, 0, out, 0, at);
    System.arraycopy(insert, 0, out, at, insert.length);
    System.arraycopy(b, end, out, at + insert.length, b.length - end);
    return out;
  }

  @Test
  void theShippedVocabularyReadsCleanly() throws Exception {
    assertTrue(Files.exists(Path.of("rules/vocabulary.yaml")));
    VocabularyReader.Result r = VocabularyReader.read(Path.of("rules/vocabulary.yaml"), "rules/vocabulary.yaml");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
  }
}
