package redline.load;

import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import redline.model.Constraint;

/**
 * One parsed rule file: its name as shown to users, the parsed DRL (handed to the compiler, so
 * the text is parsed once), and the constraints its rules declare.
 */
public record RuleFile(String shown, String party, PackageDescr descr, List<Constraint> constraints) {
  public RuleFile {
    constraints = List.copyOf(constraints);
  }
}
