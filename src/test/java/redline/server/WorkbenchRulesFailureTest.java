package redline.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import redline.Cli;
import redline.engine.RuleBook;
import redline.engine.RulesException;

/**
 * A rule whose action runs code (the {@code bad-rules/throws} fixture) never reaches a server:
 * the closed DRL subset refuses it when the rules are read, so no request can make a rule throw.
 * {@code redline serve} on such a folder says where, and exits 3, without starting.
 */
class WorkbenchRulesFailureTest {
  static final String RULES = "src/test/resources/bad-rules/throws";

  @Test
  void rulesThatRunCodeAreRefusedBeforeAnyRequest() {
    RulesException e = assertThrows(RulesException.class, () -> RuleBook.load(Path.of(RULES), "rules"));
    assertTrue(e.diagnostics().stream().anyMatch(d -> d.code().equals("rule-action")), e.diagnostics().toString());
  }

  @Test
  void serveOnSuchAFolderExitsWithTheLocatedErrorAndStartsNothing() {
    Cli r = Cli.run("serve", "--rules", RULES, "--port", "0");
    assertTrue(r.exit() == 3, r.transcript());
    assertTrue(r.err().contains("alpha.drl:") && r.err().contains("rule-action"), r.transcript());
    assertTrue(!r.out().contains("listening"), r.transcript());
  }
}
