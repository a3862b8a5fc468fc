package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import redline.Cli;

/** Numbers on the command line outside their range are exit 2 with the option named, before any work. */
class NumbersTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "bench --scale 0|--scale",
        "bench --batch -1|--batch",
        "bench --starts 0|--starts",
        "test --min-coverage NaN|--min-coverage",
        "test --min-coverage 101|--min-coverage",
        "test --min-coverage -1|--min-coverage",
        "explore --limit 0|--limit",
        "nearest --limit -1 src/test/resources/mini/proposals/open.json|--limit",
        "nearest --max-changes -1 src/test/resources/mini/proposals/open.json|--max-changes",
        "check --max-errors -1|--max-errors",
      })
  void anOutOfRangeNumberIsExitTwo(String command, String option) {
    String[] args = (command + " --rules src/test/resources/mini/rules").split(" ");
    if (command.startsWith("check")) {
      args = new String[] {"check", "--max-errors", "-1", "src/test/resources/mini/rules"};
    }
    Cli r = Cli.run(args);
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.err().contains(option) || r.out().contains(option), r.transcript());
    assertFalse(r.err().contains("\tat "), r.transcript());
  }
}
