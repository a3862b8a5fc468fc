package redline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * Writes a report file safely: refuses a folder, refuses to replace a file that is not an
 * earlier report of the same kind (unless forced), writes to a temporary file in the target's
 * folder and renames it over the target, so the target is never left half-written; any failure
 * (no such folder, no permission, a full disk) is one diagnostic.
 */
final class OutputFile {
  private OutputFile() {}

  /** True when {@code head} (the first bytes of a file, as text) starts a JUnit XML report. */
  static final Predicate<String> JUNIT = head -> head.startsWith("<?xml") && (head.contains("<testsuite") || head.contains("<testsuites"));

  /**
   * Empty when {@code target} may be written: absent, or a regular file whose start satisfies
   * {@code earlier}, or any regular file when {@code force}; otherwise why not.
   */
  static Optional<Diagnostic> checkTarget(Path target, String option, Predicate<String> earlier, String kind, boolean force) {
    Location at = Location.of(option);
    if (target.toString().isEmpty()) {
      return Optional.of(Diagnostic.error("unwritable-file", at, "an empty file name"));
    }
    if (Files.isDirectory(target)) {
      return Optional.of(Diagnostic.error("unwritable-file", at, "`" + target + "` is a folder", "name a file to write the report to"));
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(target)) {
      if (!Files.isRegularFile(target)) {
        return Optional.of(Diagnostic.error("unwritable-file", at, "`" + target + "` is not a regular file"));
      }
      if (!force && !earlier.test(head(target))) {
        return Optional.of(
            Diagnostic.error(
                "would-overwrite",
                at,
                "`" + target + "` exists and is not " + kind + ", so it is left alone",
                "name another file, or pass --force to replace it"));
      }
    }
    Path dir = folder(target);
    if (!Files.isDirectory(dir)) {
      return Optional.of(Diagnostic.error("unwritable-file", at, "cannot write `" + target + "`: no folder `" + dir + "`"));
    }
    return Optional.empty();
  }

  /** Writes {@code content} to {@code target} through a temporary file; empty when it worked. */
  static Optional<Diagnostic> write(Path target, String content, String option) {
    Path dir = folder(target);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
        while (buffer.hasRemaining()) {
          ch.write(buffer);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      return Optional.empty();
    } catch (IOException e) {
      String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (e instanceof java.nio.file.AccessDeniedException) {
        why = "permission denied";
      } else if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
        why = fs.getReason().toLowerCase(Locale.ROOT);
      }
      return Optional.of(Diagnostic.error("unwritable-file", Location.of(option), "cannot write `" + target + "`: " + why));
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after the target
        }
      }
    }
  }

  private static Path folder(Path target) {
    Path parent = target.toAbsolutePath().getParent();
    return parent == null ? Path.of(".") : parent;
  }

  private static String head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(512), StandardCharsets.UTF_8).stripLeading();
    } catch (IOException e) {
      return "";
    }
  }
}
