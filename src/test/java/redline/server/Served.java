package redline.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import redline.engine.RuleBook;
import redline.engine.RulesException;

/** A workbench server over the shipped rules and cases on a free loopback port, and an HTTP client for it. */
final class Served implements AutoCloseable {
  static final Path RULES = Path.of("rules");
  static final Path CASES = Path.of("cases");
  static final ObjectMapper JSON = new ObjectMapper();
  private static RuleBook book;

  final Workbench workbench;
  final WorkbenchServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A JSON answer. */
  record Answer(int status, JsonNode json, String contentType, java.net.http.HttpHeaders headers) {}

  Served() {
    this(WorkbenchServer.IDLE_MILLIS);
  }

  /** A server that cuts off a client silent for {@code idleMillis}. */
  Served(long idleMillis) {
    workbench = Workbench.open(book(), CASES, "cases");
    server = WorkbenchServer.start(workbench, 0, idleMillis);
  }

  /** The shipped rules, loaded once per test run. */
  static synchronized RuleBook book() {
    if (book == null) {
      try {
        book = RuleBook.load(RULES, "rules");
      } catch (RulesException e) {
        throw new AssertionError("the shipped rules do not load: " + e.diagnostics(), e);
      }
    }
    return book;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  Answer get(String path) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET().build());
  }

  Answer post(String path, byte[] body) throws IOException, InterruptedException {
    return post(path, body, "application/json");
  }

  Answer post(String path, String body) throws IOException, InterruptedException {
    return post(path, body.getBytes(StandardCharsets.UTF_8), "application/json");
  }

  Answer post(String path, byte[] body, String type) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return send(b.build());
  }

  Answer send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    String type = r.headers().firstValue("Content-Type").orElse("");
    JsonNode json = type.startsWith("application/json") ? JSON.readTree(r.body()) : null;
    return new Answer(r.statusCode(), json, type, r.headers());
  }

  /** Sends raw bytes on a new connection (for what HttpClient will not send) and returns the raw answer. */
  String raw(String request) throws IOException {
    try (Socket s = new Socket("127.0.0.1", server.port())) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() {
    server.stop();
  }
}
