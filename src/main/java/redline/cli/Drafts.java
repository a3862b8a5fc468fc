package redline.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import redline.load.ProposalReader;
import redline.model.Diagnostic;
import redline.model.Proposal;
import redline.model.Vocabulary;

/** Reads the proposals named on a command line (a folder stands for its cases), collecting every problem. */
final class Drafts {
  private Drafts() {}

  /** The proposals read; their problems are added to {@code problems}. */
  static List<Proposal> read(Vocabulary vocabulary, List<Path> paths, List<Diagnostic> problems) throws IOException {
    ProposalReader reader = new ProposalReader(vocabulary);
    List<Proposal> out = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      List<Path> found = new ArrayList<>(Inputs.expand(List.of(p), problems));
      // in a folder, a base before its variants: us-28-point-plan before us-28-point-plan--army-800k-peacetime
      found.sort(java.util.Comparator.comparing((Path f) -> f.toString().replaceAll("\\.json$", "")));
      files.addAll(found);
    }
    for (Path f : files) {
      ProposalReader.Result r = reader.read(f, f.toString());
      problems.addAll(r.diagnostics());
      if (r.proposal() != null) {
        out.add(r.proposal());
      }
    }
    return out;
  }
}
