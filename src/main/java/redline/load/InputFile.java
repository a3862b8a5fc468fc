package redline.load;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * Reads one input file as text, safely: only a regular file is opened (a folder, a pipe, a
 * device or a socket is refused before it is opened, so reading never blocks), at most
 * {@link #MAX_BYTES} are read (the limit is enforced while reading, not after), and the bytes
 * are decoded strictly as UTF-8 (an invalid or overlong sequence is an error at its line).
 * Thread-safe.
 */
public final class InputFile {
  /** The largest file read, in bytes. */
  public static final int MAX_BYTES = 1 << 20;

  private InputFile() {}

  /** The text read, or the one problem that stopped the read. */
  public record Result(String text, Diagnostic error) {
    /** The text, when it was read. */
    public Optional<String> ok() {
      return Optional.ofNullable(text);
    }
  }

  /** Reads {@code file}, named {@code shown} in diagnostics, with the default size limit. */
  public static Result read(Path file, String shown) {
    return read(file, shown, MAX_BYTES);
  }

  /** Reads {@code file}, named {@code shown} in diagnostics, refusing more than {@code max} bytes. */
  public static Result read(Path file, String shown, int max) {
    Location whole = Location.of(shown);
    Optional<Diagnostic> notFile = checkRegular(file, shown);
    if (notFile.isPresent()) {
      return new Result(null, notFile.get());
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      int total = 0;
      int n;
      while ((n = in.read(chunk)) > 0) {
        total += n;
        if (total > max) {
          return new Result(
              null,
              Diagnostic.error("file-too-large", whole, "file is too large: more than " + max + " bytes", "the limit is " + max + " bytes"));
        }
        buffer.write(chunk, 0, n);
      }
      bytes = buffer.toByteArray();
    } catch (IOException e) {
      return new Result(null, ioError(e, shown));
    }
    return decode(bytes, shown);
  }

  /** Decodes {@code bytes} strictly as UTF-8, or says where they are not UTF-8. */
  public static Result decode(byte[] bytes, String shown) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < offset; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      return new Result(
          null,
          Diagnostic.error(
              "invalid-encoding",
              Location.of(shown, line, offset - lineStart + 1),
              "the file is not valid UTF-8: byte 0x" + String.format("%02x", bytes[offset] & 0xff) + " at offset " + offset + " starts no valid character",
              "save the file as UTF-8"));
    }
    try {
      result = decoder.flush(out);
      if (result.isError()) {
        result.throwException();
      }
    } catch (CharacterCodingException e) {
      return new Result(null, Diagnostic.error("invalid-encoding", Location.of(shown), "the file is not valid UTF-8", "save the file as UTF-8"));
    }
    out.flip();
    return new Result(out.toString(), null);
  }

  /**
   * Empty when {@code file} is a regular file (following links); otherwise the problem, in one
   * line: no such file, a folder, a pipe, device or socket, a loop of links, no permission.
   */
  public static Optional<Diagnostic> checkRegular(Path file, String shown) {
    Location whole = Location.of(shown);
    if (file.toString().isEmpty()) {
      return Optional.of(Diagnostic.error("file-not-found", whole, "an empty file name", "name a file"));
    }
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      return Optional.of(ioError(e, shown));
    }
    if (attributes.isDirectory()) {
      return Optional.of(Diagnostic.error("not-a-file", whole, "`" + shown + "` is a folder, not a file"));
    }
    if (!attributes.isRegularFile()) {
      return Optional.of(
          Diagnostic.error("not-a-file", whole, "`" + shown + "` is not a regular file (a pipe, a device or a socket)", "give a file saved on disk"));
    }
    return Optional.empty();
  }

  /** One line for an I/O failure on {@code shown}. */
  public static Diagnostic ioError(IOException e, String shown) {
    Location whole = Location.of(shown);
    if (e instanceof NoSuchFileException) {
      return Diagnostic.error("file-not-found", whole, "no such file `" + shown + "`");
    }
    if (e instanceof AccessDeniedException) {
      return Diagnostic.error("unreadable-file", whole, "cannot read `" + shown + "`: permission denied");
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      String reason = fs.getReason();
      if (reason.toLowerCase(java.util.Locale.ROOT).contains("symbolic links")) {
        return Diagnostic.error("unreadable-file", whole, "cannot read `" + shown + "`: a loop of symbolic links");
      }
      return Diagnostic.error("unreadable-file", whole, "cannot read `" + shown + "`: " + reason.toLowerCase(java.util.Locale.ROOT));
    }
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return Diagnostic.error("unreadable-file", whole, "cannot read `" + shown + "`: " + why);
  }
}
