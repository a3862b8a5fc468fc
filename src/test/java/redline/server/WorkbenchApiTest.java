package redline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import redline.Cli;
import redline.engine.Evaluator;
import redline.load.ProposalReader;
import redline.model.Evaluation;
import redline.model.TermKind;
import redline.model.Term;

/**
 * The workbench's API over real HTTP on loopback: every endpoint answers in the command line's
 * JSON shapes, every kind of bad request gets its status and a clear JSON diagnostic (never a
 * stack trace or an HTML page), and the server still answers after each.
 */
class WorkbenchApiTest {
  static Served served;

  @BeforeAll
  static void start() {
    served = new Served();
  }

  @AfterAll
  static void stop() {
    served.close();
  }

  /** After every test, bad or good, the server still evaluates a real case. */
  @AfterEach
  void stillAnswers() throws Exception {
    Served.Answer a = served.post("/api/evaluate", Files.readAllBytes(Served.CASES.resolve("us-28-point-plan.json")));
    assertEquals(200, a.status(), "the server stopped answering: " + a.json());
  }

  static byte[] file(String name) throws IOException {
    return Files.readAllBytes(Served.CASES.resolve(name));
  }

  /** The JSON of `redline evaluate --format json FILE...` over the shipped rules. */
  static JsonNode cli(String... files) throws IOException {
    List<String> args = new ArrayList<>(List.of("evaluate", "--rules", "rules", "--format", "json"));
    args.addAll(Arrays.asList(files));
    Cli r = Cli.run(args.toArray(new String[0]));
    return Served.JSON.readTree(r.out());
  }

  static void assertError(Served.Answer a, int status, String code) {
    assertEquals(status, a.status(), String.valueOf(a.json()));
    assertTrue(a.contentType().startsWith("application/json"), "not JSON: " + a.contentType());
    assertNotNull(a.json().get("error"), a.json().toString());
    Set<String> codes = new HashSet<>();
    a.json().get("diagnostics").forEach(d -> codes.add(d.get("code").asText()));
    assertTrue(codes.contains(code), "expected " + code + " in " + a.json());
    a.json().get("diagnostics").forEach(d -> assertFalse(d.get("message").asText().isBlank(), a.json().toString()));
    String text = a.json().toString();
    assertFalse(text.contains("Exception") || text.contains("\tat ") || text.contains("<html"), text);
  }

  // ---- the endpoints -------------------------------------------------------------------------

  @Test
  void vocabularyListsEveryPartyAndTermWithItsOptions() throws Exception {
    Served.Answer a = served.get("/api/vocabulary");
    assertEquals(200, a.status());
    var vocabulary = Served.book().vocabulary();
    assertEquals(vocabulary.parties().size(), a.json().get("parties").size());
    assertEquals(vocabulary.terms().size(), a.json().get("terms").size());
    int i = 0;
    for (Term t : vocabulary.terms().values()) {
      JsonNode j = a.json().get("terms").get(i++);
      assertEquals(t.name(), j.get("name").asText());
      assertEquals(t.kind().word(), j.get("kind").asText());
      if (t.kind() == TermKind.NUMBER) {
        assertEquals(t.flags().size(), j.get("flags").size());
        assertEquals(t.values().size(), j.get("values").size());
      } else {
        assertEquals(t.options().size(), j.get("options").size());
        assertEquals(t.options().values().iterator().next(), j.get("options").get(0).get("description").asText());
      }
    }
    assertEquals(Served.book().sources().size(), a.json().get("sources").size());
  }

  @Test
  void casesAreListedAndEachReadsBackAsAProposalTheCliEvaluatesAlike() throws Exception {
    Served.Answer list = served.get("/api/cases");
    assertEquals(200, list.status());
    List<String> files;
    try (Stream<Path> s = Files.list(Served.CASES)) {
      files = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
    }
    assertEquals(files.size(), list.json().get("cases").size());
    assertEquals(0, list.json().get("problems").size());
    ProposalReader reader = new ProposalReader(Served.book().vocabulary());
    Evaluator evaluator = new Evaluator(Served.book());
    for (JsonNode c : list.json().get("cases")) {
      String id = c.get("id").asText();
      Served.Answer one = served.get("/api/cases/" + id);
      assertEquals(200, one.status(), id);
      assertFalse(one.json().has("expect"), "expectations are not part of the proposal");
      ProposalReader.Result back = reader.read(Served.JSON.writeValueAsBytes(one.json()), id);
      assertTrue(back.diagnostics().isEmpty(), back.diagnostics().toString());
      ProposalReader.Result original = reader.read(Served.CASES.resolve(id + ".json"), id);
      assertEquals(original.proposal().terms(), back.proposal().terms(), id);
      assertEquals(verdicts(evaluator.evaluate(original.proposal())), verdicts(evaluator.evaluate(back.proposal())), id);
    }
  }

  @Test
  void anUnknownCaseIs404AndNoPathIsOpened() throws Exception {
    assertError(served.get("/api/cases/no-such-case"), 404, "unknown-case");
    assertError(served.get("/api/cases/..%2Frules%2Fvocabulary"), 404, "unknown-case");
    assertError(served.get("/api/cases/%2Fetc%2Fpasswd"), 404, "unknown-case");
  }

  @Test
  void evaluateAnswersExactlyWhatTheCliSays() throws Exception {
    for (String name : List.of("us-28-point-plan.json", "istanbul-2022-draft.json", "e3-counter-draft.json")) {
      Served.Answer a = served.post("/api/evaluate", file(name));
      assertEquals(200, a.status(), name);
      JsonNode expected = cli("cases/" + name);
      ObjectNode got = (ObjectNode) a.json().get("evaluations").get(0).deepCopy();
      ObjectNode want = (ObjectNode) expected.get("evaluations").get(0).deepCopy();
      ((ObjectNode) got.get("proposal")).remove("file");
      ((ObjectNode) want.get("proposal")).remove("file");
      assertEquals(want, got, name);
      assertEquals(expected.get("warnings"), a.json().get("warnings"));
    }
  }

  @Test
  void theDayOfThePositionsIsAsTheCommandLineGivesIt() throws Exception {
    Served.Answer a = served.post("/api/evaluate?asOf=2025-11-20", file("us-28-point-plan.json"));
    assertEquals(200, a.status(), String.valueOf(a.json()));
    Cli r = Cli.run("evaluate", "--rules", "rules", "--format", "json", "--as-of", "2025-11-20", "cases/us-28-point-plan.json");
    ObjectNode want = (ObjectNode) Served.JSON.readTree(r.out()).get("evaluations").get(0).deepCopy();
    ObjectNode got = (ObjectNode) a.json().get("evaluations").get(0).deepCopy();
    ((ObjectNode) want.get("proposal")).remove("file");
    ((ObjectNode) got.get("proposal")).remove("file");
    assertEquals(want, got);
    Served.Answer bad = served.post("/api/evaluate?asOf=2025-13-40", file("us-28-point-plan.json"));
    assertEquals(422, bad.status(), String.valueOf(bad.json()));
    assertTrue(bad.json().toString().contains("?asOf"), String.valueOf(bad.json()));
    JsonNode days = served.get("/api/vocabulary").json().get("positions").get("changes");
    assertEquals(Served.book().changeDates().size(), days.size());
  }

  @Test
  void nearestWithEveryPartyGivesTheBestCompromiseAsTheCommandLineDoes() throws Exception {
    Served.Answer a = served.post("/api/nearest", file("us-28-point-plan.json"));
    assertEquals(200, a.status(), String.valueOf(a.json()));
    Cli r = Cli.run("nearest", "--rules", "rules", "--format", "json", "cases/us-28-point-plan.json");
    JsonNode want = Served.JSON.readTree(r.out());
    assertTrue(want.get("compromise").isObject(), r.out());
    assertEquals(want.get("compromise").get("kept"), a.json().get("compromise").get("kept"));
    assertEquals(want.get("compromise").get("versions").size(), a.json().get("compromise").get("versions").size());
  }

  @Test
  void termsThatCannotExistTogetherAreTheDraftsMistake() throws Exception {
    Served.Answer a =
        served.post("/api/evaluate", "{\"id\": \"x\", \"terms\": {\"nato_accession\": \"RENOUNCED\", \"security_guarantee\": [\"NATO_ART5\"]}}");
    assertEquals(422, a.status(), String.valueOf(a.json()));
    assertTrue(a.json().toString().contains("incoherent-proposal"), String.valueOf(a.json()));
    assertTrue(a.json().toString().contains("COH-01"), String.valueOf(a.json()));
    assertEquals(200, served.post("/api/evaluate", file("us-28-point-plan.json")).status(), "still answering");
  }

  @Test
  void anOpenTermLeavesItsConstraintsUndetermined() throws Exception {
    Served.Answer a = served.post("/api/evaluate", "{\"id\": \"blank\", \"terms\": {}}");
    assertEquals(200, a.status());
    for (JsonNode p : a.json().get("evaluations").get(0).get("parties")) {
      assertEquals("UNDETERMINED", p.get("verdict").asText(), p.get("party").asText());
    }
  }

  @Test
  void nearestAnswersWhatTheCliSays() throws Exception {
    Served.Answer a = served.post("/api/nearest?parties=UA,US,EU,COW&maxChanges=5&limit=2", file("us-28-point-plan.json"));
    assertEquals(200, a.status(), String.valueOf(a.json()));
    Cli r = Cli.run("nearest", "--rules", "rules", "--format", "json", "--parties", "UA,US,EU,COW", "--max-changes", "5", "--limit", "2", "cases/us-28-point-plan.json");
    JsonNode want = Served.JSON.readTree(r.out());
    ObjectNode got = a.json().deepCopy();
    ((ObjectNode) got.get("draft")).remove("file");
    ((ObjectNode) want.get("draft")).remove("file");
    assertEquals(want, got);
    assertTrue(got.get("suggestions").size() > 0);
    // every suggestion's proposal, evaluated by the engine, has no considered party rejecting
    for (JsonNode s : got.get("suggestions")) {
      ObjectNode p = Served.JSON.createObjectNode();
      p.set("terms", s.get("proposal"));
      Served.Answer e = served.post("/api/evaluate", Served.JSON.writeValueAsBytes(p));
      JsonNode verdicts = e.json().get("evaluations").get(0).get("verdicts");
      for (String code : List.of("UA", "US", "EU", "COW")) {
        assertFalse(verdicts.get(code).asText().equals("REJECTS"), code + " rejects " + s);
      }
      assertEquals(s.get("verdicts"), verdicts);
    }
  }

  @Test
  void nearestRefusesBadOptionsWithTheirNames() throws Exception {
    byte[] body = file("us-28-point-plan.json");
    assertError(served.post("/api/nearest?parties=XX", body), 422, "unknown-party");
    assertError(served.post("/api/nearest?maxChanges=99", body), 422, "bad-option");
    assertError(served.post("/api/nearest?maxChanges=lots", body), 422, "bad-option");
    assertError(served.post("/api/nearest?objections=maybe", body), 422, "bad-option");
  }

  @Test
  void compareNamesTheTermsThatDifferAndTheVerdictsThatMove() throws Exception {
    JsonNode before = served.get("/api/cases/us-28-point-plan").json();
    ObjectNode after = before.deepCopy();
    ((ObjectNode) after.get("terms")).put("nato_accession", "OPEN");
    ObjectNode body = Served.JSON.createObjectNode();
    body.set("before", before);
    body.set("after", after);
    Served.Answer a = served.post("/api/compare", Served.JSON.writeValueAsBytes(body));
    assertEquals(200, a.status(), String.valueOf(a.json()));
    assertEquals(1, a.json().get("terms").size());
    assertEquals("nato_accession", a.json().get("terms").get(0).get("term").asText());
    assertEquals("RENOUNCED", a.json().get("terms").get(0).get("before").asText());
    assertEquals("OPEN", a.json().get("terms").get(0).get("after").asText());
    // the verdict moves are the engine's, party by party
    Evaluator evaluator = new Evaluator(Served.book());
    ProposalReader reader = new ProposalReader(Served.book().vocabulary());
    Evaluation x = evaluator.evaluate(reader.read(Served.JSON.writeValueAsBytes(before), "a").proposal());
    Evaluation y = evaluator.evaluate(reader.read(Served.JSON.writeValueAsBytes(after), "b").proposal());
    List<String> moved = new ArrayList<>();
    for (int i = 0; i < x.parties().size(); i++) {
      JsonNode p = a.json().get("parties").get(i);
      assertEquals(x.parties().get(i).verdict().name(), p.get("before").asText());
      assertEquals(y.parties().get(i).verdict().name(), p.get("after").asText());
      if (x.parties().get(i).verdict() != y.parties().get(i).verdict()) {
        moved.add(p.get("party").asText());
      }
      for (JsonNode c : p.get("constraints")) {
        assertFalse(c.get("before").equals(c.get("after")), c.toString());
      }
    }
    List<String> reported = new ArrayList<>();
    a.json().get("moved").forEach(m -> reported.add(m.asText()));
    assertEquals(moved, reported);
    assertFalse(moved.isEmpty(), "opening NATO accession moves some verdict");
  }

  @Test
  void compareOfAnOpenTermShowsNull() throws Exception {
    Served.Answer a = served.post("/api/compare", "{\"before\": {\"terms\": {}}, \"after\": {\"terms\": {\"army_cap\": {\"value\": 800000, \"peacetime\": true}}}}");
    assertEquals(200, a.status());
    JsonNode t = a.json().get("terms").get(0);
    assertTrue(t.get("before").isNull());
    assertEquals(800000, t.get("after").get("value").asInt());
  }

  @Test
  void compareRefusesAMalformedRequestAtItsPointer() throws Exception {
    assertError(served.post("/api/compare", "{\"before\": {\"terms\": {}}}"), 422, "missing-field");
    Served.Answer a = served.post("/api/compare", "{\"before\": {\"terms\": {}}, \"after\": {\"terms\": {\"nato\": \"OPEN\"}}}");
    assertError(a, 422, "unknown-term");
    assertEquals("/after/terms/nato", a.json().get("diagnostics").get(0).get("pointer").asText());
    assertError(served.post("/api/compare", "[1, 2]"), 422, "wrong-type");
    assertError(served.post("/api/compare", "{\"before\": {\"terms\": {}}, \"after\": {\"terms\": {}}, \"x\": 1}"), 422, "unknown-field");
  }

  // ---- bad requests --------------------------------------------------------------------------

  @Test
  void malformedJsonIs400WithItsLineAndColumn() throws Exception {
    Served.Answer a = served.post("/api/evaluate", "{\"terms\": {\n  \"nato_accession\": \"OPEN\",,\n}}");
    assertError(a, 400, "malformed-json");
    assertEquals(2, a.json().get("diagnostics").get(0).get("line").asInt());
    assertError(served.post("/api/evaluate", ""), 400, "empty-file");
    assertError(served.post("/api/nearest", "{"), 400, "malformed-json");
  }

  @Test
  void anUnknownTermIs422WithDidYouMean() throws Exception {
    Served.Answer a = served.post("/api/evaluate", "{\"terms\": {\"nato\": \"OPEN\"}}");
    assertError(a, 422, "unknown-term");
    JsonNode d = a.json().get("diagnostics").get(0);
    assertEquals("/terms/nato", d.get("pointer").asText());
    assertEquals("unknown term `nato`", d.get("message").asText());
  }

  /** Every malformed proposal of the CLI's fixtures gets the CLI's own diagnostics. */
  @TestFactory
  Stream<DynamicTest> everyBadProposalFixtureGetsTheCliDiagnostics() throws IOException {
    Path dir = Path.of("src/test/resources/bad-proposals");
    List<Path> inputs;
    try (Stream<Path> s = Files.list(dir)) {
      inputs = s.filter(p -> p.toString().endsWith(".json") && Files.isRegularFile(p)).sorted().toList();
    }
    return inputs.stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () -> {
                      Served.Answer a = served.post("/api/evaluate", Files.readAllBytes(input));
                      assertTrue(a.status() == 400 || a.status() == 422, a.status() + " " + a.json());
                      if (a.json().toString().contains("extends-not-allowed")) {
                        // a body names no file the server would open: a well-formed `extends` is refused at its place
                        assertTrue(Files.readString(input, java.nio.charset.StandardCharsets.ISO_8859_1).contains("\"extends\""));
                        return;
                      }
                      JsonNode want = cli(input.toString());
                      assertEquals(strip(want.get("diagnostics")), strip(a.json().get("diagnostics")), input.toString());
                      assertEquals(want.get("error"), a.json().get("error"));
                    }));
  }

  private static JsonNode strip(JsonNode diagnostics) {
    JsonNode copy = diagnostics.deepCopy();
    copy.forEach(d -> ((ObjectNode) d).remove("file"));
    return copy;
  }

  @Test
  void theWrongContentTypeIs415() throws Exception {
    assertError(served.post("/api/evaluate", file("us-28-point-plan.json"), "text/plain"), 415, "wrong-content-type");
    assertError(served.post("/api/evaluate", file("us-28-point-plan.json"), "application/x-www-form-urlencoded"), 415, "wrong-content-type");
    assertError(served.post("/api/evaluate", file("us-28-point-plan.json"), null), 415, "wrong-content-type");
    assertEquals(200, served.post("/api/evaluate", file("us-28-point-plan.json"), "application/json; charset=utf-8").status());
  }

  @Test
  void anOversizedBodyIs413() throws Exception {
    byte[] big = new byte[WorkbenchServer.MAX_BODY + 1];
    Arrays.fill(big, (byte) ' ');
    assertError(served.post("/api/evaluate", big), 413, "too-large");
    // without a Content-Length (chunked), the limit holds while reading
    HttpRequest chunked =
        HttpRequest.newBuilder(served.uri("/api/evaluate"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
            .timeout(Duration.ofSeconds(30))
            .build();
    assertError(served.send(chunked), 413, "too-large");
    // far too large: answered before the body is sent, to a client that waits for 100 Continue
    // (raw: the JDK 17 HttpClient hangs on a final answer to Expect: 100-continue)
    String answer = served.raw("POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + served.server.port()
        + "\r\nContent-Type: application/json\r\nContent-Length: " + (WorkbenchServer.DRAIN + 1)
        + "\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
    assertTrue(answer.contains("\"too-large\""), answer);
  }

  @Test
  void aBodyThatNeverArrivesIsCutOffWith408() throws Exception {
    try (Served quick = new Served(1000)) {
      String answer = quick.raw("POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + quick.server.port()
          + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{\"terms\"");
      assertTrue(answer.startsWith("HTTP/1.1 408"), answer);
      assertTrue(answer.contains("\"too-slow\""), answer);
      assertEquals(200, quick.get("/api/vocabulary").status(), "still answering");
    }
  }

  @Test
  void aForeignOriginIs403() throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(served.uri("/api/evaluate"))
            .header("Content-Type", "application/json")
            .header("Origin", "http://evil.example")
            .POST(HttpRequest.BodyPublishers.ofByteArray(file("us-28-point-plan.json")))
            .build();
    assertError(served.send(r), 403, "foreign-origin");
    HttpRequest g = HttpRequest.newBuilder(served.uri("/api/vocabulary")).header("Origin", "null").GET().build();
    assertError(served.send(g), 403, "foreign-origin");
    HttpRequest s = HttpRequest.newBuilder(served.uri("/api/vocabulary")).header("Sec-Fetch-Site", "cross-site").GET().build();
    assertError(served.send(s), 403, "foreign-origin");
    HttpRequest own = HttpRequest.newBuilder(served.uri("/api/vocabulary")).header("Origin", "http://localhost:" + served.server.port()).GET().build();
    assertEquals(200, served.send(own).status());
  }

  @Test
  void aForeignHostIs403() throws Exception {
    int port = served.server.port();
    for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1), "127.0.0.1")) {
      String answer = served.raw("GET /api/vocabulary HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 403"), host + ": " + answer);
      assertTrue(answer.contains("\"foreign-host\""), answer);
      assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
    }
    String page = served.raw("GET / HTTP/1.1\r\nHost: rebinding.example:" + port + "\r\nConnection: close\r\n\r\n");
    assertTrue(page.startsWith("HTTP/1.1 403"), page);
    String ok = served.raw("GET /api/vocabulary HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n");
    assertTrue(ok.startsWith("HTTP/1.1 200"), ok);
  }

  @Test
  void jettysOwnErrorsAreJsonToo() throws Exception {
    String answer = served.raw("GET /\u0001 HTTP/1.1\r\nHost: 127.0.0.1:" + served.server.port() + "\r\nConnection: close\r\n\r\n");
    assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    assertTrue(answer.toLowerCase().contains("content-type: application/json"), answer);
    assertFalse(answer.contains("<html"), answer);
    String huge = served.raw("GET / HTTP/1.1\r\nHost: 127.0.0.1:" + served.server.port() + "\r\nX-Big: " + "a".repeat(40_000) + "\r\nConnection: close\r\n\r\n");
    assertTrue(huge.startsWith("HTTP/1.1 431"), huge);
    assertFalse(huge.contains("<html"), huge);
  }

  @Test
  void noPathLeavesThePagesFolder() throws Exception {
    for (String path : List.of("/../Workbench.class", "/%2e%2e/Workbench.class", "/..%2fWorkbench.class", "/web/../Workbench.class",
        "/..;/Workbench.class", "//etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/redline/cli/Main.class", "/redline/server/Workbench.class")) {
      String answer = served.raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + served.server.port() + "\r\nConnection: close\r\n\r\n");
      assertTrue(answer.startsWith("HTTP/1.1 400") || answer.startsWith("HTTP/1.1 404"), path + ": " + answer);
      assertTrue(answer.toLowerCase().contains("content-type: application/json"), path + ": " + answer);
      assertFalse(answer.contains("\u00ca\u00fe") || answer.contains("\ufffd\ufffd\ufffd\ufffd"), path + " served bytes of a class");
    }
  }

  @Test
  void unknownAddressesAndMethodsAreJson() throws Exception {
    assertError(served.get("/api/nothing"), 404, "not-found");
    assertError(served.get("/nothing.html"), 404, "not-found");
    assertError(served.post("/api/vocabulary", "{}"), 405, "method-not-allowed");
    assertError(served.send(HttpRequest.newBuilder(served.uri("/api/evaluate")).GET().build()), 405, "method-not-allowed");
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() throws Exception {
    for (String path : List.of("/", "/workbench.js", "/workbench.css", "/api/vocabulary", "/api/nothing")) {
      Served.Answer a = served.send(HttpRequest.newBuilder(served.uri(path)).GET().build());
      String csp = a.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), path + ": " + csp);
      assertEquals("nosniff", a.headers().firstValue("X-Content-Type-Options").orElse(""), path);
    }
    assertTrue(served.get("/api/vocabulary").headers().firstValue("Cache-Control").orElse("").contains("no-store"));
  }

  @Test
  void thePageHasNoInlineScriptAndInsertsNoHtml() throws Exception {
    String html = new String(getClass().getResourceAsStream("/redline/server/web/index.html").readAllBytes(), StandardCharsets.UTF_8);
    assertFalse(html.matches("(?s).*<script(?![^>]*\\ssrc=)[^>]*>.*"), "an inline script");
    assertFalse(html.contains(" style="), "an inline style");
    assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "an inline event handler");
    String js = new String(getClass().getResourceAsStream("/redline/server/web/workbench.js").readAllBytes(), StandardCharsets.UTF_8);
    for (String bad : List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function")) {
      assertFalse(js.contains(bad), "the page script uses " + bad);
    }
  }

  @Test
  void theServerListensOnLoopbackOnly() throws Exception {
    assertEquals("127.0.0.1", WorkbenchServer.HOST);
    for (var address : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
      for (var a : java.util.Collections.list(address.getInetAddresses())) {
        if (a.isLoopbackAddress() || a instanceof java.net.Inet6Address) {
          continue;
        }
        try (java.net.Socket s = new java.net.Socket()) {
          s.connect(new java.net.InetSocketAddress(a, served.server.port()), 1000);
          throw new AssertionError("the workbench answers on " + a);
        } catch (IOException expected) {
          // refused: not listening there
        }
      }
    }
  }

  static List<String> verdicts(Evaluation e) {
    return e.parties().stream().map(p -> p.party().code() + "=" + p.verdict()).toList();
  }
}
