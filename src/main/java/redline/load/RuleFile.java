package redline.load;

import java.util.List;
import org.drools.drl.ast.descr.PackageDescr;
import redline.model.Constraint;

/**
 * One parsed rule file: its name as shown to users, the parsed DRL (handed to the compiler, so
 * the text is parsed once; null when the rules came from the compiled-rules cache), and the
 * constraints its rules declare.
 */
public record RuleFile(String shown, String party, PackageDescr descr, List<Constraint> constraints) implements java.io.Serializable {
  public RuleFile {
    constraints = List.copyOf(constraints);
  }
}
