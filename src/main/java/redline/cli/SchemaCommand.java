package redline.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import redline.load.VocabularyReader;
import redline.report.Json;
import redline.report.SchemaReport;

/** {@code redline schema}: prints the JSON Schema of proposal files. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the JSON Schema of a proposal file, generated from the vocabulary.",
      "Save it and point your editor at it to complete and validate proposals."
    })
final class SchemaCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Override
  public Integer call() {
    common.noAsOf(spec.commandLine(), "schema");
    Path dir = common.rulesDir();
    String shown = dir + "/" + VocabularyReader.FILE;
    VocabularyReader.Result r = VocabularyReader.read(dir.resolve(VocabularyReader.FILE), shown);
    if (r.vocabulary() == null) {
      common.printErrors(spec.commandLine(), Common.Format.text, "the vocabulary in `" + shown + "` failed to load", r.diagnostics());
      return ExitCode.RULES;
    }
    spec.commandLine().getOut().print(Json.write(SchemaReport.schema(r.vocabulary())));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
