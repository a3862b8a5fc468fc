package redline.cli;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import redline.load.InputFile;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * Expands the paths a user gives into files: a folder stands for its JSON files, recursively
 * (following links, with loops reported). An empty name, a folder without JSON files, and a
 * folder that cannot be read are errors, each one line; a named path is never the current
 * folder by accident.
 */
final class Inputs {
  private Inputs() {}

  /**
   * The files named by {@code paths}, folders expanded to their sorted {@code *.json} files (not
   * {@code *.schema.json}, a schema saved for editors); problems go to {@code problems}.
   */
  static List<Path> expand(List<Path> paths, List<Diagnostic> problems) {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      String shown = p.toString();
      if (shown.isEmpty()) {
        problems.add(Diagnostic.error("file-not-found", Location.of("''"), "an empty file name", "name a proposal file or a folder of them"));
      } else if (Files.isDirectory(p)) {
        List<Path> found = new ArrayList<>();
        walk(p, found, problems);
        if (found.isEmpty()) {
          problems.add(Diagnostic.error("no-input", Location.of(shown), "folder `" + shown + "` holds no `.json` files"));
        }
        found.stream().sorted().forEach(out::add);
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static void walk(Path dir, List<Path> found, List<Diagnostic> problems) {
    try {
      Files.walkFileTree(
          dir,
          EnumSet.of(FileVisitOption.FOLLOW_LINKS),
          Integer.MAX_VALUE,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              String name = file.getFileName().toString();
              if (name.endsWith(".json") && !name.endsWith(".schema.json")) {
                // not only regular files: the reader refuses a pipe or device by name
                found.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              if (e instanceof FileSystemLoopException) {
                problems.add(Diagnostic.error("unreadable-file", Location.of(file.toString()), "`" + file + "` is a link back to a folder above it (a loop)"));
              } else {
                problems.add(InputFile.ioError(e, file.toString()));
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(InputFile.ioError(e, dir.toString()));
    }
  }
}
