package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import redline.Cli;

/**
 * Load warnings reach every command once, and --warnings-as-errors makes them fail; {@code
 * redline test} holds the cases to the red-line coverage {@code mvn verify} holds them to.
 */
class WarningsTest {
  static final String RULES = "src/test/resources/warnings/rules";
  static final String PROPOSAL = "src/test/resources/mini/proposals/open.json";
  static final String CASE = "src/test/resources/mini/cases/open-door.json";
  static final String WARNING = "warning [unknown-metadata]: rule `AA-01` has unknown metadata `@reviewed`";

  static List<String[]> commands() {
    return List.of(
        new String[] {"evaluate", "--rules", RULES, PROPOSAL},
        new String[] {"evaluate", "--rules", RULES, "--format", "json", PROPOSAL},
        new String[] {"test", "--rules", RULES, CASE},
        new String[] {"explore", "--rules", RULES},
        new String[] {"nearest", "--rules", RULES, PROPOSAL});
  }

  @Test
  void everyCommandShowsTheLoadWarningsOnce() {
    for (String[] args : commands()) {
      Cli r = Cli.run(args);
      assertTrue(r.exit() != 3 && r.exit() != 4, r.transcript());
      int count = r.err().split(java.util.regex.Pattern.quote(WARNING), -1).length - 1;
      assertEquals(1, count, String.join(" ", args) + "\n" + r.transcript());
    }
  }

  @Test
  void warningsAsErrorsFailsEveryCommand() {
    for (String[] args : commands()) {
      String[] strict = new String[args.length + 1];
      System.arraycopy(args, 0, strict, 0, args.length);
      strict[args.length] = "--warnings-as-errors";
      Cli r = Cli.run(strict);
      assertEquals(3, r.exit(), r.transcript());
      assertTrue((r.out() + r.err()).contains("unknown-metadata"), r.transcript());
    }
    Cli check = Cli.run("check", RULES, "--warnings-as-errors");
    assertEquals(3, check.exit(), check.transcript());
    assertEquals(0, Cli.run("check", RULES).exit());
  }

  @Test
  void testRequiresEveryRedLineBothWaysLikeMavenVerify() {
    Cli r = Cli.run("test", "--rules", "src/test/resources/mini/rules", "--red-lines-both-ways", CASE);
    assertEquals(1, r.exit(), r.transcript());
    assertTrue(r.err().contains("red lines not exercised both ways"), r.transcript());
    assertEquals(0, Cli.run("test", "--rules", "src/test/resources/mini/rules", CASE).exit());
  }
}
