package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;
import redline.Golden;

/**
 * {@code redline brief}: goldens of the HTML and Markdown on the fixture rules; every value from a
 * proposal file escaped; the briefing of the shipped cases rendered in a real headless Chromium
 * (Debian's {@code chromium}, installed by {@code .ci/run}), with its table and no console message.
 */
class BriefTest {
  static final String RULES = "src/test/resources/mini/rules";
  static final String PROPOSALS = "src/test/resources/mini/proposals";
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  @Test
  void htmlAndMarkdownMatchTheirGoldenFiles() throws IOException {
    Cli html = Cli.run("brief", "--rules", RULES, PROPOSALS);
    assertEquals(0, html.exit(), html.transcript());
    Golden.check(GOLDEN.resolve("brief.html"), html.out());
    Cli md = Cli.run("brief", "--rules", RULES, "--format", "markdown", PROPOSALS);
    assertEquals(0, md.exit(), md.transcript());
    Golden.check(GOLDEN.resolve("brief.md"), md.out());
  }

  @Test
  void everyValueFromAProposalFileIsEscaped(@TempDir Path dir) throws IOException {
    Path evil = dir.resolve("evil.json");
    Files.writeString(evil, """
        {"id": "x\\"><script>alert(1)</script>", "title": "<img src=x onerror=alert(2)> & co",
         "sources": ["<b>S01</b>"], "asOf": "2025-01-01", "terms": {"alliance": "OPEN"}}""");
    Cli html = Cli.run("brief", "--rules", RULES, evil.toString());
    assertEquals(0, html.exit(), html.transcript());
    assertFalse(html.out().contains("<script>") || html.out().contains("<img") || html.out().contains("<b>"), html.out());
    assertTrue(html.out().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html.out());
    assertTrue(html.out().contains("&lt;img src=x onerror=alert(2)&gt; &amp; co"), html.out());
    Cli md = Cli.run("brief", "--rules", RULES, "--format", "markdown", evil.toString());
    assertFalse(md.out().contains("<script>") || md.out().contains("<img"), md.out());
  }

  @Test
  void theShippedBriefingRendersInChromiumWithItsTableAndNoConsoleMessage(@TempDir Path dir) throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian's chromium is not installed (.ci/run installs it)");
    Path page = dir.resolve("briefing.html");
    Cli r = Cli.run("brief", "cases", "-o", page.toString());
    assertEquals(0, r.exit(), r.transcript());
    Path shot = dir.resolve("briefing.png");
    List<String> common = List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + dir.resolve("profile"), "--enable-logging=stderr", "--v=0", "--window-size=1000,1400");
    Run dom = run(dir, common, "--dump-dom", page.toUri().toString());
    Run png = run(dir, common, "--screenshot=" + shot, page.toUri().toString());
    assertEquals(0, dom.exit, dom.err);
    assertEquals(0, png.exit, png.err);
    assertTrue(Files.size(shot) > 10_000, "the screenshot is empty");
    for (String line : (dom.err + png.err).lines().toList()) {
      assertFalse(line.contains(":CONSOLE"), "console message: " + line);
    }
    assertTrue(dom.out.contains("<table class=\"lights\" id=\"verdicts\">"), dom.out);
    long drafts;
    try (var s = Files.list(Path.of("cases"))) {
      drafts = s.filter(p -> p.toString().endsWith(".json")).count();
    }
    Matcher rows = Pattern.compile("<tr><th><a href=\"#draft-").matcher(dom.out);
    int n = 0;
    while (rows.find()) {
      n++;
    }
    assertEquals(drafts, n, "one table row per shipped case");
    assertTrue(dom.out.contains("<td class=\"red\">REJECTS</td>") && dom.out.contains("<td class=\"green\">ACCEPTS</td>"));
    // the decisive reasons: the title of every red line that makes a party reject the 28-point plan
    JsonNode plan = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(redline.Cli.run("evaluate", "--format", "json", "cases/us-28-point-plan.json").out()).get("evaluations").get(0);
    int reasons = 0;
    for (JsonNode party : plan.get("parties")) {
      for (JsonNode k : party.get("constraints")) {
        if (party.get("verdict").asText().equals("REJECTS") && k.get("kind").asText().equals("red-line") && k.get("status").asText().equals("BROKEN")) {
          assertTrue(dom.out.contains(k.get("title").asText().replace("'", "&#39;")), "decisive reason on the page: " + k.get("title").asText());
          reasons++;
        }
      }
    }
    assertTrue(reasons > 0, "the 28-point plan is rejected for some red line");
    assertTrue(dom.out.matches("(?s).*<a href=\"https://[^\"]+\">.*"), "sources have links");
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(Path dir, List<String> common, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(common);
    cmd.addAll(List.of(extra));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
