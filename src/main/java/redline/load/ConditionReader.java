package redline.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalBranchDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.NamedConsequenceDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.WindowReferenceDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.kie.internal.builder.conf.LanguageLevelOption;
import redline.model.Comparison;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Term;
import redline.model.TermKind;
import redline.model.Vocabulary;

/**
 * Reads a constraint's condition with Drools' own parsers: the DRL parser's pattern and
 * constraint descriptions, and Drools' expression parser for each constraint's text. A
 * condition is one {@code Proposal( ... )} pattern whose constraints compare a field of the
 * proposal with a literal ({@code ==}, {@code !=}, {@code <}, {@code <=}, {@code >},
 * {@code >=}, {@code in}, {@code not in}, {@code contains}, {@code not contains},
 * {@code memberOf}), joined by {@code ,}, {@code &&}, {@code ||}, parentheses and {@code !}.
 * Anything else (a second pattern, {@code not}, {@code exists}, {@code eval},
 * {@code accumulate}, {@code from}, a method call, a comparison between two fields) is a located
 * error naming the construct: Redline decides every constraint exactly only over this subset.
 * Thread-safe.
 */
public final class ConditionReader {
  /** The fact type every condition matches. */
  public static final String FACT = "Proposal";

  private final Vocabulary vocabulary;

  /** A reader checking conditions against {@code vocabulary}. */
  public ConditionReader(Vocabulary vocabulary) {
    this.vocabulary = vocabulary;
  }

  /** What a condition reads: its terms, its comparisons and its text as written. */
  public record Condition(Set<String> terms, List<Comparison> comparisons, String text) {
    public Condition {
      terms = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(terms));
      comparisons = List.copyOf(comparisons);
    }
  }

  /** Reads the condition of {@code rule}, adding any problem to {@code found}. */
  public Condition read(RuleDescr rule, Location ruleAt, List<Diagnostic> found) {
    Walk walk = new Walk(rule.getName(), ruleAt, found);
    AndDescr lhs = rule.getLhs();
    List<BaseDescr> elements = lhs == null ? List.of() : lhs.getDescrs();
    if (elements.isEmpty()) {
      walk.error("empty-condition", ruleAt, "rule `" + walk.id + "` has no condition", "write `when Proposal( ... )`: the condition says when the constraint is broken");
    }
    int patterns = 0;
    for (BaseDescr element : elements) {
      if (element instanceof PatternDescr p && p.getSource() == null) {
        patterns++;
        if (patterns > 1) {
          walk.unsupported(p, "a second pattern", "put every comparison into the one `Proposal( ... )` pattern");
          continue;
        }
        walk.pattern(p);
      } else {
        walk.unsupported(element, construct(element), "a constraint is one `Proposal( ... )` pattern comparing terms with options");
      }
    }
    return new Condition(walk.terms, walk.comparisons, String.join(", ", walk.texts));
  }

  /** The DRL name of a construct the subset refuses. */
  private static String construct(BaseDescr d) {
    if (d instanceof NotDescr) {
      return "`not`";
    } else if (d instanceof ExistsDescr) {
      return "`exists`";
    } else if (d instanceof OrDescr) {
      return "`or` between patterns";
    } else if (d instanceof AndDescr) {
      return "`and` between patterns";
    } else if (d instanceof ForallDescr) {
      return "`forall`";
    } else if (d instanceof EvalDescr) {
      return "`eval`";
    } else if (d instanceof AccumulateDescr) {
      return "`accumulate`";
    } else if (d instanceof CollectDescr) {
      return "`collect`";
    } else if (d instanceof FromDescr) {
      return "`from`";
    } else if (d instanceof EntryPointDescr) {
      return "an entry point";
    } else if (d instanceof WindowReferenceDescr) {
      return "a window";
    } else if (d instanceof NamedConsequenceDescr || d instanceof ConditionalBranchDescr) {
      return "a named consequence";
    } else if (d instanceof PatternDescr p) {
      return p.getSource() != null ? construct(p.getSource()) : "a pattern";
    }
    return "`" + d.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT) + "`";
  }

  /** The state of one rule's walk. */
  private final class Walk {
    final String id;
    final Location ruleAt;
    final List<Diagnostic> found;
    final Set<String> terms = new TreeSet<>();
    final List<Comparison> comparisons = new ArrayList<>();
    final List<String> texts = new ArrayList<>();

    Walk(String id, Location ruleAt, List<Diagnostic> found) {
      this.id = id;
      this.ruleAt = ruleAt;
      this.found = found;
    }

    void error(String code, Location at, String message, String hint) {
      found.add(Diagnostic.error(code, at, message, hint));
    }

    void unsupported(BaseDescr d, String what, String hint) {
      error("unsupported-condition", at(d), "rule `" + id + "` uses " + what + ", which a constraint may not use", hint);
    }

    Location at(BaseDescr d) {
      return d != null && d.getLine() > 0 ? Location.of(ruleAt.file(), d.getLine(), d.getColumn() + 1) : ruleAt;
    }

    void pattern(PatternDescr p) {
      if (!FACT.equals(p.getObjectType())) {
        error("unknown-fact", at(p), "rule `" + id + "` matches `" + p.getObjectType() + "`; rules match `Proposal( ... )`", "");
        return;
      }
      if (p.getIdentifier() != null && !p.getIdentifier().isEmpty()) {
        unsupported(p, "the binding `" + p.getIdentifier() + "`", "write `Proposal( ... )` without a binding");
      }
      for (BaseDescr c : p.getDescrs()) {
        if (c instanceof ExprConstraintDescr e) {
          expression(e);
        } else {
          unsupported(c, construct(c), "compare terms with options inside `Proposal( ... )`");
        }
      }
    }

    void expression(ExprConstraintDescr e) {
      String text = e.getExpression();
      texts.add(text);
      Location at = at(e);
      DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(LanguageLevelOption.DRL6);
      ConstraintConnectiveDescr tree = parser.parse(text);
      if (parser.hasErrors() || tree == null) {
        String why = parser.getErrors().isEmpty() ? "" : ": " + DroolsText.clean(parser.getErrors().get(0).getMessage());
        error("drl-syntax", at, "rule `" + id + "` has a condition Drools cannot read (`" + text + "`)" + why, "");
        return;
      }
      node(tree, text, at);
    }

    void node(BaseDescr d, String text, Location at) {
      if (d instanceof ConstraintConnectiveDescr c) {
        for (BaseDescr x : c.getDescrs()) {
          node(x, text, at);
        }
      } else if (d instanceof RelationalExprDescr r) {
        relation(r, text, at);
      } else if (d instanceof AtomicExprDescr a && !a.isLiteral() && isIdentifier(a.getExpression())) {
        // a bare boolean field: a number term's flag, read as `flag == true`
        Optional<Term> term = field(a.getExpression(), at);
        if (term.isPresent()) {
          if (term.get().name().equals(a.getExpression())) {
            error("wrong-operator", at, "rule `" + id + "` uses term `" + a.getExpression() + "` as a condition on its own", "compare it with a value, e.g. `" + a.getExpression() + " == ...`");
          } else {
            comparisons.add(new Comparison(term.get().name(), a.getExpression(), "==", "true", at));
          }
        }
      } else if (d instanceof BindingDescr b) {
        error("unsupported-condition", at, "rule `" + id + "` binds `" + b.getVariable() + "`, which a constraint may not do", "compare the term directly, without a `$` binding");
      } else if (d instanceof AtomicExprDescr a) {
        error("unsupported-condition", at, "rule `" + id + "` uses the expression `" + a.getExpression() + "`, which a constraint may not use", "compare a term with an option, e.g. `nato_accession == \"RENOUNCED\"`");
      } else {
        error("unsupported-condition", at, "rule `" + id + "` uses a form Redline cannot read in `" + text + "`", "");
      }
    }

    void relation(RelationalExprDescr r, String text, Location at) {
      if (!(r.getLeft() instanceof AtomicExprDescr left) || !(r.getRight() instanceof AtomicExprDescr right)) {
        error("unsupported-condition", at, "rule `" + id + "` nests an expression inside a comparison in `" + text + "`", "compare a term with a literal");
        return;
      }
      String op = r.getOperator();
      boolean negated = r.isNegated();
      AtomicExprDescr fieldSide = left;
      AtomicExprDescr valueSide = right;
      if ("memberOf".equals(op)) {
        // `"OPTION" memberOf term` is `term contains "OPTION"`
        fieldSide = right;
        valueSide = left;
        op = "contains";
      }
      String fieldName = fieldSide.getExpression();
      if (fieldSide.isLiteral() || !isIdentifier(fieldName) || "this".equals(fieldName)) {
        String what = fieldName.contains("(") ? "calls `" + fieldName + "`" : "reads `" + fieldName + "`";
        error("unsupported-condition", at, "rule `" + id + "` " + what + ", which a constraint may not do", "compare a term of the vocabulary with a literal, e.g. `army_cap > 600000`");
        return;
      }
      Optional<Term> found = field(fieldName, at);
      if (found.isEmpty()) {
        return;
      }
      Term term = found.get();
      String literal = valueSide.getExpression();
      boolean limit = "Limit.NONE".equals(literal);
      if (!valueSide.isLiteral() && !limit) {
        error("unsupported-condition", at, "rule `" + id + "` compares `" + fieldName + "` with `" + literal + "`, which is not a literal", "compare with an option in quotes, a whole number, `Limit.NONE`, `true` or `false`");
        return;
      }
      String operator = normalise(op, negated);
      if (operator == null) {
        error("wrong-operator", at, "rule `" + id + "` uses the operator `" + (negated ? "not " : "") + op + "`, which a constraint may not use", "use ==, !=, <, <=, >, >=, in, not in, contains, not contains or memberOf");
        return;
      }
      Location literalAt = literalAt(at, text, literal);
      boolean flag = !term.name().equals(fieldName);
      if (flag) {
        if (!operator.equals("==") && !operator.equals("!=")) {
          wrongOperator(literalAt, fieldName, operator, "flag", "== or !=");
        } else if (!literal.equals("true") && !literal.equals("false")) {
          error("wrong-type", literalAt, "rule `" + id + "` compares the flag `" + fieldName + "` with `" + literal + "`", "a flag is `true` or `false`");
        } else {
          add(term, fieldName, operator, literal, literalAt);
        }
        return;
      }
      switch (term.kind()) {
        case ONE -> {
          if (!operator.equals("==") && !operator.equals("!=")) {
            wrongOperator(literalAt, fieldName, operator, "one-option term", "==, !=, in or not in");
          } else if (option(term, literal, literalAt)) {
            add(term, fieldName, operator, unquote(literal), literalAt);
          }
        }
        case SET -> {
          if (!operator.equals("contains") && !operator.equals("not contains")) {
            wrongOperator(literalAt, fieldName, operator, "set term", "contains, not contains or memberOf");
          } else if (option(term, literal, literalAt)) {
            add(term, fieldName, operator, unquote(literal), literalAt);
          }
        }
        case NUMBER -> {
          if (operator.contains("contains")) {
            wrongOperator(literalAt, fieldName, operator, "number term", "==, !=, <, <=, > or >=");
          } else if (limit) {
            add(term, fieldName, operator, literal, literalAt);
          } else if (!isWholeNumber(literal) || text.contains(literal + "_")) {
            error("wrong-type", literalAt, "rule `" + id + "` compares the number term `" + fieldName + "` with `" + literal + (text.contains(literal + "_") ? "_...`" : "`"), "write a whole number without separators, e.g. `600000`, or `Limit.NONE` for no ceiling");
          } else {
            add(term, fieldName, operator, literal, literalAt);
          }
        }
      }
    }

    void add(Term term, String field, String operator, String literal, Location at) {
      terms.add(term.name());
      comparisons.add(new Comparison(term.name(), field, operator, literal, at));
    }

    void wrongOperator(Location at, String field, String operator, String what, String allowed) {
      error("wrong-operator", at, "rule `" + id + "` uses `" + operator + "` on the " + what + " `" + field + "`", "a " + what + " takes " + allowed);
    }

    /** Checks that {@code literal} is a quoted option of {@code term}. */
    boolean option(Term term, String literal, Location at) {
      List<String> options = new ArrayList<>(term.options().keySet());
      if (!literal.startsWith("\"") && !literal.startsWith("'")) {
        error("wrong-type", at, "rule `" + id + "` compares `" + term.name() + "` with `" + literal + "`, which is not an option in quotes", "valid options: " + Fields.list(options));
        return false;
      }
      String option = unquote(literal);
      if (!term.hasOption(option)) {
        error(
            "unknown-option",
            at,
            "rule `" + id + "` compares with `" + option + "`, which is not an option of `" + term.name() + "`",
            Fields.hintOr(Vocabulary.didYouMean(option, options), "valid options: " + Fields.list(options)));
        return false;
      }
      return true;
    }

    Optional<Term> field(String name, Location at) {
      Optional<Term> term = vocabulary.termOfField(name);
      if (term.isEmpty()) {
        error(
            "unknown-term",
            at,
            "rule `" + id + "` reads unknown term `" + name + "`",
            Fields.hintOr(Vocabulary.didYouMean(name, vocabulary.terms().keySet()), "see rules/vocabulary.yaml for the terms"));
      } else {
        terms.add(term.get().name());
      }
      return term;
    }
  }

  /** The operator a comparison means once its negation is applied, or null when not allowed. */
  private static String normalise(String op, boolean negated) {
    String plain =
        switch (op) {
          case "==", "!=", "<", "<=", ">", ">=", "contains" -> op;
          default -> null;
        };
    if (plain == null || !negated) {
      return plain;
    }
    return switch (plain) {
      case "==" -> "!=";
      case "!=" -> "==";
      case "<" -> ">=";
      case "<=" -> ">";
      case ">" -> "<=";
      case ">=" -> "<";
      default -> "not contains";
    };
  }

  /** Where {@code literal} stands in the constraint text, or the constraint's start. */
  private static Location literalAt(Location at, String text, String literal) {
    int offset = text.indexOf(literal);
    if (offset < 0 || at.line() <= 0 || text.indexOf('\n') >= 0 && text.indexOf('\n') < offset) {
      return at;
    }
    return Location.of(at.file(), at.line(), at.column() + offset);
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) || s.charAt(0) == '$') {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isWholeNumber(String s) {
    if (s.isEmpty() || s.length() > 10) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return Long.parseLong(s) < Integer.MAX_VALUE;
  }

  private static String unquote(String literal) {
    if (literal.length() >= 2 && (literal.startsWith("\"") || literal.startsWith("'"))) {
      return literal.substring(1, literal.length() - 1);
    }
    return literal;
  }
}
