package redline.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.engine.RuleBook;
import redline.model.Proposal;
import redline.model.TermValue;

/** Proposals built on other proposals with {@code "extends"}: inherited, changed and opened terms. */
class ExtendsTest {
  static ProposalReader reader;

  @BeforeAll
  static void load() throws Exception {
    reader = new ProposalReader(RuleBook.load(Path.of("src/test/resources/mini/rules")).vocabulary());
  }

  @Test
  void aDraftTakesItsBasesTermsChangesSomeAndOpensThoseSetToNull(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("base.json"), """
        {"id": "base", "terms": {"alliance": "RENOUNCED", "guarantee": ["FORCE"], "army_cap": 600000}}""");
    Files.createDirectories(dir.resolve("variants"));
    Files.writeString(dir.resolve("variants/mid.json"), """
        {"id": "mid", "extends": "../base.json", "terms": {"army_cap": 800000, "guarantee": null}}""");
    Files.writeString(dir.resolve("variants/top.json"), """
        {"$schema": "../proposal.schema.json", "extends": "mid.json", "terms": {"alliance": "OPEN"}}""");
    ProposalReader.Result r = reader.read(dir.resolve("variants/top.json"), "variants/top.json");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics().toString());
    Proposal p = r.proposal();
    assertEquals("top", p.id());
    assertEquals(new TermValue.One("OPEN"), p.terms().get("alliance"));
    assertEquals(800000, ((TermValue.Number) p.terms().get("army_cap")).value());
    assertNull(p.terms().get("guarantee"), "null opens a term the base sets");
    assertEquals(new TreeSet<>(List.of("alliance", "army_cap")), new TreeSet<>(p.terms().keySet()));
  }

  @Test
  void aBaseErrorIsReportedInTheBaseFile(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("base.json"), """
        {"terms": {"alliance": "OPNE"}}""");
    Files.writeString(dir.resolve("draft.json"), """
        {"extends": "base.json", "terms": {}}""");
    ProposalReader.Result r = reader.read(dir.resolve("draft.json"), "x/draft.json");
    assertNull(r.proposal());
    assertEquals(1, r.diagnostics().size(), r.diagnostics().toString());
    assertEquals("x/base.json", r.diagnostics().get(0).at().file());
    assertEquals("/terms/alliance", r.diagnostics().get(0).at().pointer());
  }

  @Test
  void aFileThatExtendsItselfIsACycle(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("self.json"), """
        {"extends": "self.json", "terms": {}}""");
    ProposalReader.Result r = reader.read(dir.resolve("self.json"), "self.json");
    assertNull(r.proposal());
    assertEquals("extends-cycle", r.diagnostics().get(0).code());
    assertEquals("/extends", r.diagnostics().get(0).at().pointer());
  }

  @Test
  void everyShippedVariantExtendsItsBase() throws Exception {
    RuleBook book = RuleBook.load(Path.of("rules"));
    ProposalReader shipped = new ProposalReader(book.vocabulary());
    List<Path> variants;
    try (var s = Files.list(Path.of("cases"))) {
      variants = s.filter(p -> p.getFileName().toString().contains("--")).sorted().toList();
    }
    assertTrue(!variants.isEmpty());
    for (Path v : variants) {
      String text = Files.readString(v);
      String base = v.getFileName().toString().split("--")[0] + ".json";
      assertTrue(text.contains("\"extends\": \"" + base + "\""), v + " does not extend " + base);
      ProposalReader.Result r = shipped.read(v, v.toString());
      assertNotNull(r.proposal(), r.diagnostics().toString());
      Proposal b = shipped.read(v.resolveSibling(base), base).proposal();
      assertTrue(r.proposal().terms().size() >= b.terms().size() - 3, v.toString());
    }
  }
}
