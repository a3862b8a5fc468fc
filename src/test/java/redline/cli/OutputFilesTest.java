package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;

/**
 * Report files and standard output that cannot be written: exit 2 with a message, never 0 or
 * 4; a file that is not a JUnit report is never replaced without --force; a closed pipe ends
 * quietly.
 */
class OutputFilesTest {
  static final String RULES = "src/test/resources/mini/rules";
  static final String CASES = "src/test/resources/mini/cases";

  @Test
  void aRuleFileIsNeverOverwrittenByTheJunitReport(@TempDir Path tmp) throws IOException {
    Path drl = tmp.resolve("russia.drl");
    Files.writeString(drl, "package redline.rules;\n");
    Cli r = Cli.run("test", "--rules", RULES, "--junit-xml", drl.toString(), CASES);
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.err().contains("[would-overwrite]"), r.transcript());
    assertEquals("package redline.rules;\n", Files.readString(drl));
    Cli forced = Cli.run("test", "--rules", RULES, "--junit-xml", drl.toString(), "--force", CASES);
    assertEquals(0, forced.exit(), forced.transcript());
    assertTrue(Files.readString(drl).startsWith("<?xml"));
  }

  @Test
  void anEarlierReportIsReplacedAtomicallyWithoutLeftovers(@TempDir Path tmp) throws IOException {
    Path xml = tmp.resolve("report.xml");
    assertEquals(0, Cli.run("test", "--rules", RULES, "--junit-xml", xml.toString(), CASES).exit());
    String first = Files.readString(xml);
    assertEquals(0, Cli.run("test", "--rules", RULES, "--junit-xml", xml.toString(), CASES).exit());
    assertEquals(first, Files.readString(xml));
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(List.of(xml), s.toList());
    }
  }

  @Test
  void aTargetThatCannotBeWrittenIsExitTwo(@TempDir Path tmp) {
    Cli folder = Cli.run("test", "--rules", RULES, "--junit-xml", tmp.toString(), CASES);
    assertEquals(2, folder.exit(), folder.transcript());
    assertTrue(folder.err().contains("is a folder"), folder.transcript());
    Cli missing = Cli.run("test", "--rules", RULES, "--junit-xml", tmp.resolve("no/such/dir/r.xml").toString(), CASES);
    assertEquals(2, missing.exit(), missing.transcript());
    assertTrue(missing.err().contains("[unwritable-file]"), missing.transcript());
    assumeTrue(Files.exists(Path.of("/proc/version")));
    Cli proc = Cli.run("test", "--rules", RULES, "--junit-xml", "/proc/version", "--force", CASES);
    assertEquals(2, proc.exit(), proc.transcript());
    assertTrue(proc.err().contains("cannot write `/proc/version`"), proc.transcript());
  }

  @Test
  void aFailingStandardOutputIsExitTwo() {
    Writer broken =
        new Writer() {
          @Override
          public void write(char[] c, int off, int len) throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void flush() throws IOException {
            throw new IOException("No space left on device");
          }

          @Override
          public void close() {}
        };
    StringWriter err = new StringWriter();
    int code = Main.run(new String[] {"evaluate", "--rules", RULES, "src/test/resources/mini/proposals/open.json"}, new PrintWriter(broken), new PrintWriter(err));
    assertEquals(2, code);
    assertTrue(err.toString().contains("cannot write the report to standard output"), err.toString());
  }

  private static Process java(String redirect, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder("sh", "-c", String.join(" ", command.stream().map(a -> "'" + a + "'").toList()) + redirect);
    return pb.start();
  }

  @Test
  void aFullDiskIsExitTwoAndAClosedPipeEndsQuietly() throws Exception {
    assumeTrue(Files.exists(Path.of("/dev/full")));
    Process full = java(" > /dev/full", "evaluate", "--rules", RULES, "src/test/resources/mini/proposals/open.json");
    assertTrue(full.waitFor(60, TimeUnit.SECONDS));
    String err = new String(full.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, full.exitValue(), err);
    assertTrue(err.contains("cannot write the report to standard output"), err);

    // several hundred kilobytes of reports into a reader that stops after ten bytes
    Process head = java(" | head -c 10 >/dev/null", "evaluate", "--rules", "rules", "cases", "cases", "cases");
    assertTrue(head.waitFor(60, TimeUnit.SECONDS));
    String headErr = new String(head.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertFalse(headErr.contains("Exception") || headErr.contains("cannot write"), headErr);
  }
}
