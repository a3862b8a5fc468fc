package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import redline.check.CheckReport;
import redline.check.Codes;
import redline.model.Diagnostic;

/**
 * The report of {@code redline check} in SARIF 2.1.0, for code-scanning tools: one result per
 * diagnostic, its rule id the diagnostic's code, located by file, line and column.
 */
public final class SarifReport {
  /** The schema SARIF consumers validate against. */
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

  private SarifReport() {}

  /** The SARIF log of a check; {@code version} is the tool's version. */
  public static ObjectNode sarif(CheckReport r, String version) {
    ObjectNode root = Json.object();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "redline");
    driver.put("version", version);
    List<String> codes = new ArrayList<>(new TreeSet<>(r.diagnostics().stream().map(Diagnostic::code).toList()));
    ArrayNode rules = driver.putArray("rules");
    for (String code : codes) {
      ObjectNode rule = rules.addObject();
      rule.put("id", code);
      rule.putObject("shortDescription").put("text", Codes.describe(code));
    }
    ArrayNode results = run.putArray("results");
    for (Diagnostic d : r.diagnostics()) {
      ObjectNode res = results.addObject();
      res.put("ruleId", d.code());
      res.put("ruleIndex", codes.indexOf(d.code()));
      res.put("level", d.severity().word());
      res.putObject("message").put("text", d.message() + (d.hint().isEmpty() ? "" : " (" + d.hint() + ")"));
      if (!d.at().file().isEmpty()) {
        ObjectNode physical = res.putArray("locations").addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(d.at().file()));
        if (d.at().line() > 0) {
          ObjectNode region = physical.putObject("region");
          region.put("startLine", d.at().line());
          if (d.at().column() > 0) {
            region.put("startColumn", d.at().column());
          }
        }
      }
    }
    return root;
  }

  /** A relative path as a relative URI reference, an absolute one as a {@code file:} URI. */
  static String uri(String file) {
    java.nio.file.Path p = java.nio.file.Path.of(file);
    if (p.isAbsolute()) {
      return p.toUri().toString();
    }
    try {
      return new java.net.URI(null, null, file.replace('\\', '/'), null).toASCIIString();
    } catch (java.net.URISyntaxException e) {
      return file;
    }
  }
}
