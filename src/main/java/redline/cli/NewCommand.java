package redline.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import redline.load.ProposalReader;
import redline.load.VocabularyReader;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Vocabulary;
import redline.report.DraftTemplate;
import redline.report.Json;

/** {@code redline new}: writes a proposal to start from. */
@Command(
    name = "new",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a new proposal file to start a draft from.",
      "A skeleton naming every term (each open, its options in `notes`), a copy of a",
      "draft (--from), or a draft that builds on one and sets only what it changes (--extends)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:bad input: the draft to start from is malformed, or the output file exists", "3:the vocabulary failed to load"})
final class NewCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Option(names = "--from", paramLabel = "FILE", description = "copy this draft (every term it sets, bases resolved)")
  Path from;

  @Option(names = "--extends", paramLabel = "FILE", description = "build on this draft: \"extends\" it and change nothing yet")
  Path base;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "write here (default: standard output); never overwrites")
  Path output;

  @Option(names = "--id", paramLabel = "ID", description = "the new proposal's id (default: the output file's name, else new-draft)")
  String id;

  @Override
  public Integer call() throws IOException {
    CommandLine cl = spec.commandLine();
    Path dir = common.rulesDir();
    String shown = dir + "/" + VocabularyReader.FILE;
    VocabularyReader.Result voc = VocabularyReader.read(dir.resolve(VocabularyReader.FILE), shown);
    if (voc.vocabulary() == null) {
      common.printErrors(cl, Common.Format.text, "the vocabulary in `" + shown + "` failed to load", voc.diagnostics());
      return ExitCode.RULES;
    }
    Vocabulary v = voc.vocabulary();
    if (from != null && base != null) {
      common.printErrors(cl, Common.Format.text, "nothing was written",
          List.of(Diagnostic.error("bad-option", Location.of("--from"), "give `--from` or `--extends`, not both")));
      return ExitCode.BAD_INPUT;
    }
    if (output != null && Files.exists(output)) {
      common.printErrors(cl, Common.Format.text, "nothing was written",
          List.of(Diagnostic.error("file-exists", Location.of(output.toString()), "`" + output + "` exists; Redline never overwrites a draft", "choose another name with -o")));
      return ExitCode.BAD_INPUT;
    }
    String newId = id != null ? id : output != null ? stem(output) : "new-draft";
    ObjectNode doc;
    Path start = from != null ? from : base;
    if (start == null) {
      doc = DraftTemplate.skeleton(v, newId);
    } else {
      ProposalReader.Result r = new ProposalReader(v).read(start, start.toString());
      if (r.proposal() == null) {
        common.printErrors(cl, Common.Format.text, "nothing was written", r.diagnostics());
        return ExitCode.BAD_INPUT;
      }
      if (from != null) {
        doc = DraftTemplate.copy(r.proposal(), newId);
      } else {
        Path outDir = (output == null ? Path.of("x") : output).toAbsolutePath().normalize().getParent();
        String relative = outDir.relativize(base.toAbsolutePath().normalize()).toString().replace('\\', '/');
        doc = DraftTemplate.extending(r.proposal(), relative, newId);
      }
    }
    String text = Json.write(doc) + "\n";
    if (output == null) {
      cl.getOut().print(text);
      cl.getOut().flush();
    } else {
      Files.writeString(output, text, StandardCharsets.UTF_8);
      cl.getErr().println("wrote " + output);
      cl.getErr().flush();
    }
    return ExitCode.OK;
  }

  private static String stem(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }
}
