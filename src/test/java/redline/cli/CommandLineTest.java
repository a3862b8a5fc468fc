package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import redline.Cli;

/** picocli builds only the subcommand named; help, version and a mistyped name still see them all. */
class CommandLineTest {
  private static String name(Class<?> c) {
    return c.getAnnotation(Command.class).name();
  }

  @Test
  void theUsageListsEverySubcommand() {
    Cli r = Cli.run("--help");
    assertEquals(0, r.exit(), r.transcript());
    for (Class<?> c : Main.SUBCOMMANDS) {
      assertTrue(r.out().contains("\n  " + name(c) + " "), name(c) + " missing from:\n" + r.out());
    }
  }

  @Test
  void helpOfOneSubcommandAndItsOwnHelpOptionShowIt() {
    Cli help = Cli.run("help", "test");
    assertEquals(0, help.exit(), help.transcript());
    assertTrue(help.out().startsWith("Usage: redline test "), help.transcript());
    Cli own = Cli.run("evaluate", "--help");
    assertEquals(0, own.exit(), own.transcript());
    assertTrue(own.out().startsWith("Usage: redline evaluate "), own.transcript());
  }

  @Test
  void aMistypedSubcommandGetsASuggestionAndExit2() {
    Cli r = Cli.run("evaluat", "x.json");
    assertEquals(2, r.exit(), r.transcript());
    assertTrue(r.err().contains("Did you mean: redline evaluate?"), r.transcript());
    assertFalse(r.err().contains("\tat "), r.transcript());
  }

  @Test
  void theNamedSubcommandIsTheOnlyOneBuilt() {
    var cl = Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter()), new String[] {"check"});
    assertEquals(java.util.Set.of("check"), cl.getSubcommands().keySet());
    assertEquals(Main.SUBCOMMANDS.size(), Main.commandLine(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(java.io.Writer.nullWriter())).getSubcommands().size());
  }
}
