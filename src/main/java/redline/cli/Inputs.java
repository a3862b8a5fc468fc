package redline.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the paths a user gives into files: a folder stands for its JSON files, recursively. */
final class Inputs {
  private Inputs() {}

  /** The files named by {@code paths}, folders expanded to their sorted {@code *.json} files (not {@code *.schema.json}). */
  static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(f -> f.getFileName().toString().endsWith(".json"))
              .filter(f -> !f.getFileName().toString().endsWith(".schema.json")) // a schema saved for editors is no proposal
              .filter(Files::isRegularFile)
              .sorted()
              .forEach(out::add);
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }
}
