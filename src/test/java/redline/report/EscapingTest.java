package redline.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import redline.Cli;

/**
 * Text from input files never acts on a terminal: a newline in an id cannot forge a report
 * line, an ANSI escape cannot clear the screen, in every text report.
 */
class EscapingTest {
  static final String RULES = "src/test/resources/mini/rules";

  @Test
  void escapedTextHasNoControlCharacterAndKeepsEverythingElse() {
    Random random = new Random(9);
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      int length = random.nextInt(20);
      for (int i = 0; i < length; i++) {
        sb.append(random.nextBoolean() ? (char) random.nextInt(0x40) : (char) random.nextInt(0x2100));
      }
      String s = sb.toString();
      String e = Text.escape(s);
      assertTrue(e.chars().noneMatch(c -> Text.unsafe((char) c)), e);
      if (s.chars().noneMatch(c -> Text.unsafe((char) c))) {
        assertEquals(s, e);
      }
    }
  }

  @Test
  void theEscapesAreVisible() {
    assertEquals("a\\nb\\u001b[2J\\r\\t\\u202e", Text.escape("a\nb\u001b[2J\r\t\u202e"));
  }

  private static void clean(Cli r) {
    for (String stream : List.of(r.out(), r.err())) {
      assertFalse(stream.contains("\u001b"), r.transcript());
      assertFalse(stream.contains("\r"), r.transcript());
      assertFalse(stream.contains("\u202e") || stream.contains("\u009b"), r.transcript());
    }
  }

  @Test
  void anIdCannotForgeTheSummaryOfEvaluate() {
    Cli r = Cli.run("evaluate", "--rules", RULES, "--color", "never", "src/test/resources/hostile/forged-summary.json");
    assertEquals(0, r.exit(), r.transcript());
    clean(r);
    assertEquals(1, r.out().lines().filter(l -> l.startsWith("Summary:")).count(), r.out());
    assertTrue(r.out().contains("Proposal forged\\nSummary: ACCEPTS AA, BB\\u001b[2J"), r.out());
  }

  @Test
  void anIdOrReactionCannotForgeALineOfTest() {
    Cli r = Cli.run("test", "--rules", RULES, "--color", "never", "src/test/resources/hostile/forged-case.json");
    clean(r);
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("PASS  cases/other.json")), r.out());
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("1 passed")), r.out());
  }

  @Test
  void nearestEscapesTheDraftsIdAndTitle() {
    Cli r = Cli.run("nearest", "--rules", RULES, "--color", "never", "src/test/resources/hostile/forged-summary.json");
    clean(r);
    assertTrue(r.out().lines().noneMatch(l -> l.startsWith("Summary:")), r.out());
  }
}
