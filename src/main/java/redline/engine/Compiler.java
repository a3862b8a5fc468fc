package redline.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.ParserError;
import org.drools.io.ByteArrayResource;
import org.drools.io.DescrResource;
import org.kie.api.KieBase;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import redline.load.ConditionReader;
import redline.load.DroolsText;
import redline.load.RuleFile;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Severity;
import redline.model.Vocabulary;

/**
 * Compiles the parsed rule files, with the fact type generated from the vocabulary, into one
 * knowledge base using Drools' classic DRL compiler, and turns its errors and warnings into
 * diagnostics at file, line and column.
 */
public final class Compiler {
  /** The name under which the generated fact declaration is reported. */
  static final String GENERATED = "vocabulary.yaml (generated declaration)";

  private Compiler() {}

  /**
   * The knowledge base (null when compilation failed), the compiler's diagnostics, and whether
   * matching is bounded: every rule compiled has a condition of the closed subset (read again
   * from what was compiled, with {@link ConditionReader}), which compares the proposal's fields
   * with literals and so always finishes. False when some rule was built past the reader.
   */
  public record Result(KieBase kieBase, List<Diagnostic> diagnostics, boolean bounded) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Compiles {@code files}; errors on a line where {@code alreadyReported} has an error are
   * dropped, since the reader already explained them in the analyst's words.
   */
  public static Result compile(Vocabulary vocabulary, List<RuleFile> files, List<Diagnostic> alreadyReported) {
    KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder();
    ByteArrayResource declaration =
        new ByteArrayResource(FactSchema.declaration(vocabulary).getBytes(StandardCharsets.UTF_8));
    declaration.setSourcePath(GENERATED);
    kb.add(declaration, ResourceType.DRL);
    for (RuleFile f : files) {
      DescrResource r = new DescrResource(f.descr());
      r.setSourcePath(f.shown());
      kb.add(r, ResourceType.DESCR);
    }
    Set<String> seenLines = new HashSet<>();
    for (Diagnostic d : alreadyReported) {
      if (d.isError()) {
        seenLines.add(d.at().file() + ":" + d.at().line());
      }
    }
    List<Diagnostic> found = new ArrayList<>();
    for (KnowledgeBuilderResult r : kb.getResults(ResultSeverity.ERROR, ResultSeverity.WARNING)) {
      Location at = locate(r, files);
      // Drools often reports one mistake several times on the same line; keep the first
      if (r.getSeverity() == ResultSeverity.ERROR && !seenLines.add(at.file() + ":" + at.line())) {
        continue;
      }
      Severity sev = r.getSeverity() == ResultSeverity.ERROR ? Severity.ERROR : Severity.WARNING;
      found.add(new Diagnostic(sev, "drl-compile", at, DroolsText.clean(r.getMessage()), ""));
    }
    if (kb.hasErrors()) {
      if (!Diagnostic.anyError(found) && !Diagnostic.anyError(alreadyReported)) {
        found.add(Diagnostic.error("drl-compile", Location.of(files.isEmpty() ? GENERATED : files.get(0).shown()), "the rules do not compile"));
      }
      return new Result(null, found, false);
    }
    return new Result(kb.newKieBase(), found, bounded(vocabulary, files));
  }

  /** True when the condition of every rule of {@code files} reads as the closed subset. */
  private static boolean bounded(Vocabulary vocabulary, List<RuleFile> files) {
    ConditionReader reader = new ConditionReader(vocabulary);
    List<Diagnostic> found = new ArrayList<>();
    for (RuleFile f : files) {
      if (f.descr() == null) {
        return false;
      }
      for (RuleDescr rule : f.descr().getRules()) {
        reader.read(rule, Location.of(f.shown()), found);
      }
    }
    return !Diagnostic.anyError(found);
  }

  private static Location locate(KnowledgeBuilderResult r, List<RuleFile> files) {
    int line = 0;
    int column = 0;
    String file = "";
    if (r instanceof DescrBuildError e) {
      BaseDescr d = e.getDescr() != null ? e.getDescr() : e.getParentDescr();
      if (d != null) {
        line = Math.max(0, d.getLine());
        column = d.getColumn() >= 0 ? d.getColumn() + 1 : 0;
        file = sourceOf(d.getResource());
      }
    } else if (r instanceof ParserError pe) {
      line = Math.max(0, pe.getRow());
      column = pe.getCol() + 1;
    }
    if (line == 0 && r.getLines() != null && r.getLines().length > 0) {
      line = Math.max(0, r.getLines()[0]);
    }
    if (file.isEmpty()) {
      file = sourceOf(r.getResource());
    }
    if (file.isEmpty() && files.size() == 1) {
      file = files.get(0).shown();
    }
    return Location.of(file, line, column);
  }

  private static String sourceOf(Resource resource) {
    if (resource == null || resource.getSourcePath() == null) {
      return "";
    }
    return resource.getSourcePath();
  }
}
