package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redline.Cli;

/** {@code redline serve}: its bad command lines, and a real process that starts, answers and stops cleanly. */
class ServeCommandTest {
  @Test
  void aBadPortIsRefused() {
    Cli r = Cli.run("serve", "--port", "70000", "--color", "never");
    assertEquals(ExitCode.BAD_INPUT, r.exit(), r.transcript());
    assertTrue(r.err().contains("`--port` must be from 0 to 65535, not `70000`"), r.transcript());
  }

  @Test
  void aMissingCasesFolderIsRefused() {
    Cli r = Cli.run("serve", "--port", "0", "--cases", "no/such/folder", "--color", "never");
    assertEquals(ExitCode.BAD_INPUT, r.exit(), r.transcript());
    assertTrue(r.err().contains("no cases folder `no/such/folder`"), r.transcript());
  }

  @Test
  void brokenRulesAreRefusedBeforeListening() {
    Cli r = Cli.run("serve", "--port", "0", "--rules", "no/such/rules", "--color", "never");
    assertEquals(ExitCode.RULES, r.exit(), r.transcript());
    assertFalse(r.out().contains("http://"), r.transcript());
  }

  @Test
  void aPortInUseIsSaidSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Cli r = Cli.run("serve", "--port", String.valueOf(taken.getLocalPort()), "--color", "never");
      assertEquals(ExitCode.BAD_INPUT, r.exit(), r.transcript());
      assertTrue(r.err().contains("is in use"), r.transcript());
      assertTrue(r.err().contains("--port 0 picks a free port"), r.transcript());
      assertFalse(r.err().contains("Exception"), r.transcript());
    }
  }

  /** A real `redline serve --port 0`: prints its address, serves the page, stops on a signal as on Ctrl-C. */
  @Test
  void servesOnAFreePortAndStopsCleanly() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p = new ProcessBuilder(java, "-cp", classpath, "redline.cli.Main", "serve", "--port", "0").redirectErrorStream(true).start();
    try {
      java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    lines.add(line);
                  }
                } catch (java.io.IOException e) {
                  lines.add("(output cut: " + e + ")");
                }
              });
      reader.start();
      String first = lines.poll(60, TimeUnit.SECONDS);
      assertNotNull(first, "serve printed nothing");
      Matcher m = Pattern.compile("Redline workbench: (http://127\\.0\\.0\\.1:(\\d+)/)").matcher(first);
      assertTrue(m.find(), first);
      assertTrue(Integer.parseInt(m.group(2)) > 0);
      HttpClient client = HttpClient.newHttpClient();
      HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(m.group(1))).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Redline workbench"));
      HttpResponse<String> cases = client.send(HttpRequest.newBuilder(URI.create(m.group(1) + "api/cases")).build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(200, cases.statusCode());
      assertTrue(cases.body().contains("us-28-point-plan"));
      p.toHandle().destroy(); // SIGTERM, the same shutdown as Ctrl-C (Process.destroy would close our end of the output)
      assertTrue(p.waitFor(20, TimeUnit.SECONDS), "serve did not stop");
      reader.join(10_000);
      List<String> rest = List.copyOf(lines);
      assertTrue(rest.contains("workbench stopped"), String.join("\n", rest));
      assertFalse(String.join("\n", rest).contains("Exception"), String.join("\n", rest));
    } finally {
      p.destroyForcibly();
    }
  }
}
