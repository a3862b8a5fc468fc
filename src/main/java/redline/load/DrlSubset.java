package redline.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * The closed DRL subset a rule file may use, enforced on the package Drools' own DRL parser
 * produced, before anything is compiled. A rule file is {@code package redline.rules;}, at most
 * {@code import redline.model.Limit;}, and rules; a rule is metadata (each value one string in
 * double quotes), a condition (read by {@link ConditionReader}) and an empty action. Anything
 * else (an action with code, {@code modify}, rule attributes such as {@code salience},
 * {@code enabled} or {@code agenda-group}, {@code function}, {@code query}, {@code global},
 * {@code declare}, other imports) is a located error, and is left out of the package handed to
 * the compiler: nothing an analyst writes runs as Java.
 */
public final class DrlSubset {
  /** The one package every rule file declares. */
  public static final String PACKAGE = "redline.rules";

  /** The one import a rule file may have. */
  public static final String IMPORT = "redline.model.Limit";

  /** The subset's diagnostic codes, with what each means. */
  public enum Code {
    RULE_ACTION("rule-action", "a rule's action (after `then`) holds code; a constraint's action is empty"),
    RULE_ATTRIBUTE("rule-attribute", "a rule or file sets an attribute (salience, enabled, agenda-group, no-loop, dates ...), which changes which rules run"),
    RULE_EXTENDS("rule-extends", "a rule extends another rule"),
    DRL_FUNCTION("drl-function", "a rule file declares a function or imports one"),
    DRL_QUERY("drl-query", "a rule file declares a query"),
    DRL_GLOBAL("drl-global", "a rule file declares a global"),
    DRL_DECLARE("drl-declare", "a rule file declares a type, an enum, an entry point or a window"),
    DRL_IMPORT("drl-import", "a rule file imports something other than redline.model.Limit"),
    DRL_PACKAGE("drl-package", "a rule file's package is not redline.rules"),
    UNQUOTED_METADATA("unquoted-metadata", "a rule's metadata value is not one string in double quotes"),
    ALTERED_METADATA("altered-metadata", "a rule's metadata holds something Drools would read as other text than written (an escape, several values, named values)");

    private final String code;
    private final String description;

    Code(String code, String description) {
      this.code = code;
      this.description = description;
    }

    /** The stable code shown to users. */
    public String code() {
      return code;
    }

    /** What the code means. */
    public String description() {
      return description;
    }
  }

  /** The package to compile (only what the subset allows) and the problems found. */
  public record Result(PackageDescr allowed, List<RuleDescr> refused, List<Diagnostic> diagnostics) {
    public Result {
      refused = List.copyOf(refused);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  private DrlSubset() {}

  /**
   * Checks {@code descr}, parsed from {@code lines} of the file shown as {@code shown}, and
   * returns a package holding only its allowed parts, with the rules refused and the errors.
   */
  public static Result enforce(PackageDescr descr, String shown, List<String> lines) {
    Check check = new Check(shown, lines);
    if (!PACKAGE.equals(descr.getName())) {
      check.error(
          Code.DRL_PACKAGE,
          check.find(1, "package", Location.of(shown, 1, 1)),
          descr.getName() == null || descr.getName().isEmpty()
              ? "the rule file declares no package"
              : "the rule file is in package `" + descr.getName() + "`",
          "start the file with `package " + PACKAGE + ";`");
    }
    for (ImportDescr i : descr.getImports()) {
      if (!IMPORT.equals(i.getTarget())) {
        check.error(Code.DRL_IMPORT, check.at(i, "import"), "the rule file imports `" + i.getTarget() + "`", "rules may import only `" + IMPORT + "`");
      }
    }
    for (FunctionImportDescr i : descr.getFunctionImports()) {
      check.error(Code.DRL_FUNCTION, check.at(i, "import"), "the rule file imports the function `" + i.getTarget() + "`", "a constraint compares terms with options; it calls nothing");
    }
    for (ImportDescr i : descr.getAccumulateImports()) {
      check.error(Code.DRL_FUNCTION, check.at(i, "import"), "the rule file imports the accumulate function `" + i.getTarget() + "`", "");
    }
    for (FunctionDescr f : descr.getFunctions()) {
      check.error(Code.DRL_FUNCTION, check.at(f, "function"), "the rule file declares the function `" + f.getName() + "`", "a constraint compares terms with options; it calls nothing");
    }
    for (GlobalDescr g : descr.getGlobals()) {
      check.error(Code.DRL_GLOBAL, check.at(g, "global"), "the rule file declares the global `" + g.getIdentifier() + "`", "");
    }
    for (TypeDeclarationDescr t : descr.getTypeDeclarations()) {
      check.error(Code.DRL_DECLARE, check.at(t, "declare"), "the rule file declares the type `" + t.getTypeName() + "`", "the terms are declared in vocabulary.yaml");
    }
    for (BaseDescr e : descr.getEnumDeclarations()) {
      check.error(Code.DRL_DECLARE, check.at(e, "declare"), "the rule file declares an enum", "the options are declared in vocabulary.yaml");
    }
    for (BaseDescr e : descr.getEntryPointDeclarations()) {
      check.error(Code.DRL_DECLARE, check.at(e, "declare"), "the rule file declares an entry point", "");
    }
    for (BaseDescr e : descr.getWindowDeclarations()) {
      check.error(Code.DRL_DECLARE, check.at(e, "declare"), "the rule file declares a window", "");
    }
    if (descr.getUnit() != null) {
      check.error(Code.DRL_DECLARE, check.at(descr.getUnit(), "unit"), "the rule file declares the rule unit `" + descr.getUnit().getTarget() + "`", "rules run over the proposal only");
    }
    for (AttributeDescr a : descr.getAttributes()) {
      check.fileWide.add(a.getName() + "@" + a.getLine());
      check.error(Code.RULE_ATTRIBUTE, check.at(a, a.getName()), "the rule file sets the attribute `" + a.getName() + "`", "a rule file holds constraints only");
    }
    PackageDescr allowed = new PackageDescr(PACKAGE);
    allowed.setResource(descr.getResource());
    for (ImportDescr i : descr.getImports()) {
      if (IMPORT.equals(i.getTarget())) {
        allowed.addImport(i);
      }
    }
    List<RuleDescr> refused = new ArrayList<>();
    for (RuleDescr rule : descr.getRules()) {
      if (check.rule(rule)) {
        allowed.addRule(rule);
      } else {
        refused.add(rule);
      }
    }
    return new Result(allowed, refused, check.found);
  }

  /** The state of one file's check. */
  private static final class Check {
    final String shown;
    final List<String> lines;
    final List<Diagnostic> found = new ArrayList<>();
    final java.util.Set<String> fileWide = new java.util.HashSet<>();

    Check(String shown, List<String> lines) {
      this.shown = shown;
      this.lines = lines;
    }

    void error(Code code, Location at, String message, String hint) {
      found.add(Diagnostic.error(code.code(), at, message, hint));
    }

    /** Checks one rule; true when it may be compiled. */
    boolean rule(RuleDescr rule) {
      int before = found.size();
      Location ruleAt = Location.of(shown, Math.max(0, rule.getLine()), rule.getLine() > 0 ? rule.getColumn() + 1 : 0);
      String id = rule.getName();
      if (rule instanceof QueryDescr) {
        error(Code.DRL_QUERY, ruleAt, "the rule file declares the query `" + id + "`", "a rule file holds constraints only");
        return false;
      }
      if (rule.getParentName() != null && !rule.getParentName().isEmpty()) {
        error(Code.RULE_EXTENDS, ruleAt, "rule `" + id + "` extends `" + rule.getParentName() + "`", "write each constraint's condition in full");
      }
      boolean attributes = !rule.getAttributes().isEmpty();
      for (AttributeDescr a : rule.getAttributes().values()) {
        if (fileWide.contains(a.getName() + "@" + a.getLine())) {
          continue; // the parser copies a file's attributes into each rule: reported once, at the file
        }
        error(
            Code.RULE_ATTRIBUTE,
            at(a, a.getName()),
            "rule `" + id + "` sets the attribute `" + a.getName() + "`",
            "attributes change which rules run and when; a constraint has metadata, a condition and an empty action");
      }
      for (AnnotationDescr a : rule.getAnnotations()) {
        metadata(rule, a, ruleAt);
      }
      Object consequence = rule.getConsequence();
      int code = consequence == null ? -1 : firstCode(consequence.toString());
      if (code >= 0) {
        String text = consequence.toString();
        int end = text.indexOf('\n', code);
        String first = (end < 0 ? text.substring(code) : text.substring(code, end)).trim();
        Location at = find(Math.max(1, rule.getConsequenceLine()), first, ruleAt);
        String shownCode = first.length() > 40 ? first.substring(0, 40) + "..." : first;
        error(
            Code.RULE_ACTION,
            at,
            "rule `" + id + "` has an action (`" + shownCode + "`); a constraint's action is empty",
            "leave nothing between `then` and `end`: Redline reads which rules match, it runs no action");
      }
      if (!rule.getNamedConsequences().isEmpty()) {
        error(Code.RULE_ACTION, ruleAt, "rule `" + id + "` has named actions", "leave nothing between `then` and `end`");
      }
      return found.size() == before && !attributes;
    }

    void metadata(RuleDescr rule, AnnotationDescr a, Location ruleAt) {
      Map<String, Object> values = a.getValueMap();
      Location at = a.getLine() > 0 ? Location.of(shown, a.getLine(), a.getColumn() + 1) : find(Math.max(1, rule.getLine()), "@" + a.getName(), ruleAt);
      if (values.size() != 1 || !values.containsKey("value")) {
        error(Code.ALTERED_METADATA, at, "rule `" + rule.getName() + "` gives `@" + a.getName() + "` named values", "write `@" + a.getName() + "(\"...\")` with one string in double quotes");
        return;
      }
      Object v = values.get("value");
      String raw = v == null ? "" : v.toString().trim();
      if (raw.length() < 2 || !raw.startsWith("\"") || !raw.endsWith("\"")) {
        error(Code.UNQUOTED_METADATA, at, "rule `" + rule.getName() + "` gives `@" + a.getName() + "` the unquoted value `" + raw + "`", "write `@" + a.getName() + "(\"" + raw.replace("\"", "") + "\")`, in double quotes");
        return;
      }
      String inner = raw.substring(1, raw.length() - 1);
      if (inner.indexOf('"') >= 0 || inner.indexOf('\\') >= 0) {
        error(
            Code.ALTERED_METADATA,
            at,
            "rule `" + rule.getName() + "` gives `@" + a.getName() + "` the value `" + raw + "`, which is not one plain string",
            "write one string in double quotes without `\\` or inner quotes; separate several sources with commas inside it");
      }
    }

    /** Where {@code d} starts, at the keyword {@code word} of its line when it is there. */
    Location at(BaseDescr d, String word) {
      if (d.getLine() <= 0) {
        return Location.of(shown);
      }
      return find(d.getLine(), word, Location.of(shown, d.getLine(), d.getColumn() + 1));
    }

    /**
     * The first place at or after line {@code from} (1-based) where {@code text} stands, within
     * a few lines, or {@code fallback}.
     */
    Location find(int from, String text, Location fallback) {
      if (text.isEmpty()) {
        return fallback;
      }
      for (int i = from - 1; i >= 0 && i < lines.size() && i < from + 40; i++) {
        int col = lines.get(i).indexOf(text);
        if (col >= 0) {
          return Location.of(shown, i + 1, col + 1);
        }
      }
      return fallback;
    }
  }

  /**
   * True when {@code a} holds one string in double quotes without escapes or inner quotes: the
   * only metadata whose value is exactly the text written.
   */
  public static boolean isPlain(AnnotationDescr a) {
    Map<String, Object> values = a.getValueMap();
    if (values.size() != 1 || !values.containsKey("value") || values.get("value") == null) {
      return false;
    }
    String raw = values.get("value").toString().trim();
    if (raw.length() < 2 || !raw.startsWith("\"") || !raw.endsWith("\"")) {
      return false;
    }
    String inner = raw.substring(1, raw.length() - 1);
    return inner.indexOf('"') < 0 && inner.indexOf('\\') < 0;
  }

  /**
   * The offset of the first character of {@code code} that is neither whitespace nor inside a
   * comment, or -1 when there is none: an action is empty when it holds only those.
   */
  static int firstCode(String code) {
    int i = 0;
    int n = code.length();
    while (i < n) {
      char c = code.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
        while (i < n && code.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
        int end = code.indexOf("*/", i + 2);
        if (end < 0) {
          return i;
        }
        i = end + 2;
      } else {
        return i;
      }
    }
    return -1;
  }
}
