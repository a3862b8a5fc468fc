package redline.engine;

import java.util.Set;
import java.util.TreeSet;
import org.kie.api.definition.type.FactType;
import redline.model.Proposal;
import redline.model.Term;
import redline.model.TermValue;
import redline.model.Vocabulary;

/**
 * The {@code Proposal} fact type that rules match: generated from the vocabulary as a DRL
 * {@code declare}, so that Drools checks every term a rule names when it compiles the rule.
 */
final class FactSchema {
  /** The DRL package of every rule file. */
  static final String PACKAGE = "redline.rules";

  /** The declared fact type's simple name. */
  static final String TYPE = "Proposal";

  private FactSchema() {}

  /** The DRL text declaring the fact type for {@code vocabulary}. */
  static String declaration(Vocabulary vocabulary) {
    StringBuilder drl = new StringBuilder();
    drl.append("package ").append(PACKAGE).append(";\n\n");
    drl.append("// generated from vocabulary.yaml: one field per term\n");
    drl.append("declare ").append(TYPE).append("\n");
    for (Term t : vocabulary.terms().values()) {
      String type =
          switch (t.kind()) {
            case ONE -> "String";
            case SET -> "java.util.Set";
            case NUMBER -> "Integer";
          };
      drl.append("    ").append(field(t.name())).append(" : ").append(type).append('\n');
      for (String flag : t.flags().keySet()) {
        drl.append("    ").append(field(t.flagField(flag))).append(" : Boolean\n");
      }
    }
    drl.append("end\n");
    return drl.toString();
  }

  /**
   * {@code name} as a field of the generated declaration. The vocabulary reader admits only
   * lower_snake_case names that are no reserved word, so this never fails on a vocabulary that
   * loaded; it stands guard so that no text from the vocabulary reaches DRL unchecked.
   */
  private static String field(String name) {
    boolean plain = !name.isEmpty() && name.charAt(0) >= 'a' && name.charAt(0) <= 'z';
    for (int i = 0; i < name.length() && plain; i++) {
      char c = name.charAt(i);
      plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }
    if (!plain) {
      throw new IllegalArgumentException("not a plain field name: " + name.replaceAll("\\P{Print}", "?"));
    }
    return name;
  }

  /** A new fact carrying {@code proposal}'s terms; open terms stay null. */
  static Object fact(FactType type, Proposal proposal) {
    Object fact;
    try {
      fact = type.newInstance();
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException("cannot create the proposal fact", e);
    }
    proposal
        .terms()
        .forEach(
            (name, value) -> {
              if (value instanceof TermValue.One one) {
                type.set(fact, name, one.option());
              } else if (value instanceof TermValue.Many many) {
                Set<String> set = new TreeSet<>(many.options());
                type.set(fact, name, set);
              } else if (value instanceof TermValue.Number n) {
                type.set(fact, name, n.value());
                n.flags().forEach((flag, on) -> type.set(fact, name + "_" + flag, on));
              }
            });
    return fact;
  }
}
