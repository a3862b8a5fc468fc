package redline.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import redline.cases.CaseResult;
import redline.cases.CaseRunner;
import redline.cases.Coverage;
import redline.cases.Expectation;
import redline.cases.Mismatch;
import redline.model.Diagnostic;
import redline.model.Kind;

/**
 * The reports of {@code redline test}: PASS or FAIL per case with expected-versus-actual for
 * failures, the closing {@code N passed, N failed} line, a JSON twin, JUnit XML, and coverage.
 * Test status words (PASS, FAIL) never mix with verdict words (REJECTS, ACCEPTS ...).
 */
public final class CaseReport {
  private CaseReport() {}

  /** The closing line: {@code N passed, N failed}. */
  public static String closing(CaseRunner.Run run) {
    return run.passed() + " passed, " + run.failed() + " failed";
  }

  /** The text report. */
  public static void text(CaseRunner.Run run, PrintWriter out, Style s) {
    for (CaseResult r : run.results()) {
      String label = r.passed() ? s.green("PASS") : s.red("FAIL");
      out.println(label + "  " + Text.escape(r.testCase().file()) + "  " + s.dim("(" + Text.escape(r.testCase().proposal().id()) + "; " + r.evaluation().positions().describe() + ")"));
      if (!r.passed()) {
        failure(r, out, s, "        ");
      }
    }
    if (!run.problems().isEmpty()) {
      out.println();
      out.println(s.red("Malformed case files (not run):"));
      DiagnosticReport.print(run.problems(), out, s, 0);
    }
    out.println();
    out.println(s.bold(closing(run)) + (run.malformed() ? ", " + malformedCount(run) + " malformed" : ""));
    out.flush();
  }

  private static long malformedCount(CaseRunner.Run run) {
    return run.problems().stream().filter(Diagnostic::isError).map(d -> d.at().file()).distinct().count();
  }

  /** Expected versus actual, one line per difference, with the explanation of the actual. */
  public static void failure(CaseResult r, PrintWriter out, Style s, String indent) {
    for (Mismatch m : r.mismatches()) {
      String what = m.constraint().isEmpty() ? m.party() + " verdict" : m.party() + " " + m.constraint() + " (" + m.title() + ")";
      out.println(indent + s.bold(Text.escape(what)) + ": expected " + Text.escape(m.expected()) + ", actual " + s.red(Text.escape(m.actual())));
      out.println(indent + "  " + s.dim("because " + Text.escape(m.explanation())));
      if (m.constraint().isEmpty()) {
        r.testCase().expectations().stream()
            .filter(x -> x.party().equals(m.party()) && !x.reaction().isEmpty())
            .map(Expectation::reaction)
            .forEach(reaction -> out.println(indent + "  " + s.dim("reported reaction: " + Text.escape(reaction))));
      }
    }
    for (Diagnostic d : r.evaluation().errors()) {
      out.println(indent + s.red(Text.escape(d.render())));
    }
  }

  /** The failure details as plain text, for JUnit messages. */
  public static String failureText(CaseResult r) {
    StringWriter w = new StringWriter();
    PrintWriter p = new PrintWriter(w);
    failure(r, p, Style.PLAIN, "  ");
    p.flush();
    return w.toString();
  }

  /** The JSON twin of the text report. */
  public static ObjectNode json(CaseRunner.Run run) {
    ObjectNode o = Json.object();
    o.put("passed", run.passed());
    o.put("failed", run.failed());
    ArrayNode cases = o.putArray("cases");
    for (CaseResult r : run.results()) {
      ObjectNode c = cases.addObject();
      c.put("file", r.testCase().file());
      c.put("id", r.testCase().proposal().id());
      c.put("status", r.passed() ? "PASS" : "FAIL");
      c.set("positions", Json.positions(r.evaluation().positions()));
      ObjectNode verdicts = c.putObject("verdicts");
      r.evaluation().parties().forEach(p -> verdicts.put(p.party().code(), p.verdict().name()));
      ArrayNode ms = c.putArray("mismatches");
      for (Mismatch m : r.mismatches()) {
        ObjectNode mo = ms.addObject();
        mo.put("party", m.party());
        mo.put("constraint", m.constraint());
        if (!m.title().isEmpty()) {
          mo.put("title", m.title());
        }
        mo.put("expected", m.expected());
        mo.put("actual", m.actual());
        mo.put("explanation", m.explanation());
      }
      c.set("errors", Json.diagnostics(r.evaluation().errors()));
    }
    o.set("malformed", Json.diagnostics(run.problems()));
    return o;
  }

  /** A JUnit XML report: one test case per case file, malformed files as errors. */
  public static String junitXml(CaseRunner.Run run) {
    StringWriter w = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(w);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      List<Diagnostic> malformed = run.problems().stream().filter(Diagnostic::isError).toList();
      List<String> badFiles = malformed.stream().map(d -> d.at().file()).distinct().sorted().toList();
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "redline cases");
      x.writeAttribute("tests", Long.toString(run.results().size() + badFiles.size()));
      x.writeAttribute("failures", Long.toString(run.failed()));
      x.writeAttribute("errors", Integer.toString(badFiles.size()));
      x.writeCharacters("\n");
      for (CaseResult r : run.results()) {
        x.writeCharacters("  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "cases");
        x.writeAttribute("name", Text.escape(r.testCase().file() + ": " + r.testCase().proposal().id()));
        if (!r.passed()) {
          x.writeStartElement("failure");
          x.writeAttribute("message", r.mismatches().size() + " differences from the expected outcome");
          x.writeCharacters(Text.escape(failureText(r)).replace("\\n", "\n"));
          x.writeEndElement();
        }
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      for (String file : badFiles) {
        x.writeCharacters("  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "cases");
        x.writeAttribute("name", Text.escape(file));
        x.writeStartElement("error");
        x.writeAttribute("message", "malformed case file");
        StringBuilder sb = new StringBuilder();
        malformed.stream().filter(d -> d.at().file().equals(file)).forEach(d -> sb.append(Text.escape(d.render())).append('\n'));
        x.writeCharacters(sb.toString());
        x.writeEndElement();
        x.writeEndElement();
        x.writeCharacters("\n");
      }
      x.writeEndElement();
      x.writeCharacters("\n");
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    return w.toString();
  }

  /** The coverage report: per kind, how many constraints are exercised both ways, and the gaps. */
  public static void coverage(Coverage c, PrintWriter out, Style s) {
    out.println();
    out.println(s.bold(String.format("Coverage: %.1f%%", c.percent())) + " (each constraint counts twice: broken by some case, satisfied by some case)");
    for (Kind k : Kind.positions()) {
      List<Coverage.Entry> es = c.of(k);
      long both = es.stream().filter(Coverage.Entry::bothWays).count();
      out.println(String.format("  %-12s %d of %d exercised both ways", k.word() + "s", both, es.size()));
    }
    List<Coverage.Entry> never = c.entries().stream().filter(Coverage.Entry::never).toList();
    List<Coverage.Entry> onlyBroken = c.entries().stream().filter(e -> !e.never() && e.satisfiedBy().isEmpty()).toList();
    List<Coverage.Entry> onlySatisfied = c.entries().stream().filter(e -> !e.never() && e.brokenBy().isEmpty()).toList();
    gap("never exercised", never, out, s);
    gap("never satisfied by a case", onlyBroken, out, s);
    gap("never broken by a case", onlySatisfied, out, s);
    out.flush();
  }

  private static void gap(String title, List<Coverage.Entry> es, PrintWriter out, Style s) {
    if (es.isEmpty()) {
      return;
    }
    out.println("  " + title + ":");
    for (Coverage.Entry e : es) {
      String line = "    " + e.constraint().id() + " " + e.constraint().kind().word() + ": " + Text.escape(e.constraint().title());
      out.println(e.constraint().kind() == Kind.RED_LINE ? s.yellow(line) : line);
    }
  }

  /** The JSON twin of the coverage report. */
  public static ObjectNode coverageJson(Coverage c) {
    ObjectNode o = Json.object();
    o.put("percent", Math.round(c.percent() * 10) / 10.0);
    ArrayNode list = o.putArray("constraints");
    for (Coverage.Entry e : c.entries()) {
      ObjectNode x = list.addObject();
      x.put("id", e.constraint().id());
      x.put("kind", e.constraint().kind().word());
      x.set("brokenBy", Json.strings(e.brokenBy()));
      x.set("satisfiedBy", Json.strings(e.satisfiedBy()));
    }
    return o;
  }
}
