package redline.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.report.CheckReportRenderer;
import redline.report.Json;
import redline.report.Style;

/**
 * {@code check} with the compiled-rules cache (and Drools' decisions kept beside it) reports
 * exactly what it reports without: on the first run, which fills the cache, and on the next, which
 * reads it; for sound rules, linked rules, and rules with problems (which are never cached).
 */
class CachedCheckTest {
  @Test
  void theCacheChangesNothingInTheReport(@TempDir Path cache) {
    for (String folder :
        List.of("rules", "src/test/resources/linked/rules", CheckRun.FIXTURES + "golden", CheckRun.FIXTURES + "compile-error", CheckRun.FIXTURES + "typo-option", "src/test/resources/warnings/rules")) {
      String expected = render(Checker.standard().check(Path.of(folder), folder, null));
      assertEquals(expected, render(Checker.standard().check(Path.of(folder), folder, null, cache)), folder + ", filling the cache");
      assertEquals(expected, render(Checker.standard().check(Path.of(folder), folder, null, cache)), folder + ", from the cache");
    }
  }

  @Test
  void onOneDayToo(@TempDir Path cache) {
    java.time.LocalDate day = java.time.LocalDate.of(2026, 3, 1);
    String expected = render(Checker.standard().check(Path.of("rules"), "rules", day));
    Checker.standard().check(Path.of("rules"), "rules", null, cache);
    assertEquals(expected, render(Checker.standard().check(Path.of("rules"), "rules", day, cache)));
  }

  private static String render(CheckReport report) {
    StringWriter text = new StringWriter();
    CheckReportRenderer.text(report, new PrintWriter(text), Style.PLAIN, 0);
    return Json.write(CheckReportRenderer.json(report)) + "\n" + text;
  }
}
