package redline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redline.engine.RuleBook;

/**
 * A rule that throws while running (the {@code bad-rules/throws} fixture) fails only the request
 * that triggers it: the answer is a 500 carrying the rule's located error as JSON, never a stack
 * trace, and the next request is answered as usual.
 */
class WorkbenchRulesFailureTest {
  @Test
  void aFailingRuleFailsOneRequestNotTheServer() throws Exception {
    RuleBook book = RuleBook.load(Path.of("src/test/resources/bad-rules/throws"), "rules");
    Workbench workbench = Workbench.open(book, null, "cases");
    WorkbenchServer server = WorkbenchServer.start(workbench, 0);
    try {
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      for (int round = 0; round < 3; round++) {
        JsonNode failed = post(client, server, "{\"terms\": {\"alliance\": \"OPEN\", \"guarantee\": []}}", 500);
        JsonNode errors = failed.get("evaluations").get(0).get("errors");
        assertEquals(1, errors.size(), failed.toString());
        assertEquals("rule-failed", errors.get(0).get("code").asText());
        assertTrue(errors.get(0).get("message").asText().contains("deliberate failure"), errors.toString());
        assertFalse(failed.toString().contains("\tat "), failed.toString());
        JsonNode fine = post(client, server, "{\"terms\": {\"alliance\": \"RENOUNCED\", \"guarantee\": []}}", 200);
        assertEquals(0, fine.get("evaluations").get(0).get("errors").size(), fine.toString());
      }
    } finally {
      server.stop();
    }
  }

  private static JsonNode post(java.net.http.HttpClient client, WorkbenchServer server, String body, int status) throws Exception {
    var r =
        client.send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url() + "api/evaluate"))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    return Served.JSON.readTree(r.body());
  }
}
