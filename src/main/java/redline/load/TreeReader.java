package redline.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * Reads a JSON or YAML file into a {@link Node} tree that remembers where each value was, and
 * reports every duplicate key, plus the first syntax error, as diagnostics. Files larger than
 * {@link #MAX_BYTES} or nested deeper than {@link #MAX_DEPTH} are refused. Thread-safe.
 */
public final class TreeReader {
  /** The largest file read, in bytes. */
  public static final int MAX_BYTES = InputFile.MAX_BYTES;

  /** The deepest nesting of objects and lists accepted. */
  public static final int MAX_DEPTH = 32;

  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_BYTES).build();
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(LIMITS).build();
  private static final JsonFactory YAML =
      YAMLFactory.builder().streamReadConstraints(LIMITS).build();

  /** What a read produced: the tree (null when unreadable) and the problems found. */
  public record Result(Node root, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    /** True when the tree can be used: it was read and no error was found. */
    public boolean ok() {
      return root != null && !Diagnostic.anyError(diagnostics);
    }
  }

  private TreeReader() {}

  /** Reads a JSON file; {@code shown} is the file name used in diagnostics. */
  public static Result readJson(Path file, String shown) {
    return read(JSON, file, shown, "JSON");
  }

  /** Reads a YAML file; {@code shown} is the file name used in diagnostics. */
  public static Result readYaml(Path file, String shown) {
    return read(YAML, file, shown, "YAML");
  }

  /** Reads YAML text held in memory. */
  public static Result readYaml(String text, String shown) {
    return parse(YAML, text.getBytes(StandardCharsets.UTF_8), shown, "YAML");
  }

  /** Reads JSON text held in memory. */
  public static Result readJson(byte[] bytes, String shown) {
    // decoded as strictly as a file is: invalid UTF-8 is an error at its place, never a lookalike
    InputFile.Result decoded = InputFile.decode(bytes, shown);
    if (decoded.error() != null) {
      return fail(decoded.error());
    }
    return parse(JSON, decoded.text().getBytes(StandardCharsets.UTF_8), shown, "JSON");
  }

  private static Result read(JsonFactory factory, Path file, String shown, String format) {
    InputFile.Result read = InputFile.read(file, shown, MAX_BYTES);
    if (read.error() != null) {
      return fail(read.error());
    }
    return parse(factory, read.text().getBytes(StandardCharsets.UTF_8), shown, format);
  }

  private static Result parse(JsonFactory factory, byte[] bytes, String shown, String format) {
    Location whole = Location.of(shown);
    if (bytes.length > MAX_BYTES) {
      return fail(
          Diagnostic.error(
              "file-too-large",
              whole,
              "file is too large: " + bytes.length + " bytes, the limit is " + MAX_BYTES + " bytes"));
    }
    if (isBlank(bytes)) {
      return fail(
          Diagnostic.error(
              "empty-file", whole, "file is empty", "a proposal is a " + format + " object: {...}"));
    }
    List<Diagnostic> found = new ArrayList<>();
    JsonParser parser = null;
    try (JsonParser p = factory.createParser(bytes)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first == null) {
        return fail(Diagnostic.error("empty-file", whole, "file holds no " + format + " value"));
      }
      Node root = readValue(p, shown, "", found);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        found.add(
            Diagnostic.error(
                "malformed-json",
                at(p.currentTokenLocation(), shown, ""),
                "unexpected content after the end of the " + format + " value"));
      }
      return new Result(root, found);
    } catch (StreamConstraintsException e) {
      found.add(
          Diagnostic.error(
              "too-deep",
              at(e.getLocation() != null ? e.getLocation() : parser == null ? null : parser.currentLocation(), shown, ""),
              "nesting is too deep: the limit is " + MAX_DEPTH + " levels of objects and lists"));
      return new Result(null, found);
    } catch (JsonProcessingException e) {
      Diagnostic plain = format.equals("JSON") ? JsonMistakes.explain(bytes, e, shown) : null;
      if (plain != null) {
        found.add(plain);
        return new Result(null, found);
      }
      found.add(
          Diagnostic.error(
              format.equals("JSON") ? "malformed-json" : "malformed-yaml",
              at(e.getLocation(), shown, ""),
              "not valid " + format + ": " + clean(e.getOriginalMessage())));
      return new Result(null, found);
    } catch (IOException e) {
      found.add(Diagnostic.error("unreadable-file", whole, "cannot read `" + shown + "`: " + e.getMessage()));
      return new Result(null, found);
    }
  }

  private static Node readValue(JsonParser p, String shown, String pointer, List<Diagnostic> found)
      throws IOException {
    Location at = at(p.currentTokenLocation(), shown, pointer);
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> fields = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          Location keyAt = at(p.currentTokenLocation(), shown, pointer + "/" + escape(name));
          p.nextToken();
          Node value = readValue(p, shown, pointer + "/" + escape(name), found);
          if (fields.containsKey(name)) {
            found.add(
                Diagnostic.error(
                    "duplicate-key",
                    keyAt,
                    "duplicate key `" + name + "`",
                    "the first one, at line " + fields.get(name).at().line() + ", is kept"));
          } else {
            fields.put(name, value);
          }
        }
        return new Node(Node.Type.OBJECT, null, fields, List.of(), at);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          items.add(readValue(p, shown, pointer + "/" + items.size(), found));
        }
        return new Node(Node.Type.ARRAY, null, Map.of(), items, at);
      }
      case VALUE_STRING -> {
        return scalar(Node.Type.STRING, p.getText(), at);
      }
      case VALUE_NUMBER_INT -> {
        Object v =
            p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                ? (Object) p.getBigIntegerValue()
                : (Object) p.getLongValue();
        return scalar(Node.Type.INTEGER, v, at);
      }
      case VALUE_NUMBER_FLOAT -> {
        return scalar(Node.Type.DECIMAL, p.getDoubleValue(), at);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return scalar(Node.Type.BOOLEAN, p.getBooleanValue(), at);
      }
      case VALUE_NULL -> {
        return scalar(Node.Type.NULL, null, at);
      }
      default -> {
        return scalar(Node.Type.STRING, p.getText(), at);
      }
    }
  }

  private static Node scalar(Node.Type type, Object value, Location at) {
    return new Node(type, value, Map.of(), List.of(), at);
  }

  private static Result fail(Diagnostic d) {
    return new Result(null, List.of(d));
  }

  private static Location at(JsonLocation loc, String shown, String pointer) {
    if (loc == null) {
      return new Location(shown, 0, 0, pointer);
    }
    return new Location(shown, Math.max(0, loc.getLineNr()), Math.max(0, loc.getColumnNr()), pointer);
  }

  /** Escapes a key for use in a JSON pointer (RFC 6901). */
  static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /** Turns Jackson's message into one lowercase line without the source dump. */
  static String clean(String message) {
    if (message == null || message.isBlank()) {
      return "syntax error";
    }
    String line = message.lines().findFirst().orElse("").trim();
    line = line.replaceAll("\\s*\\(code \\d+\\)", "");
    line = line.replaceAll("\\s*\\(start marker at \\[Source:.*$", "");
    line = line.replaceAll("\\s*at \\[Source:.*$", "");
    line = line.replace("Unexpected character", "unexpected character");
    line = line.replace("Unexpected end-of-input", "unexpected end of file");
    line = line.replaceAll("[.]$", "");
    if (!line.isEmpty()) {
      line = line.substring(0, 1).toLowerCase(Locale.ROOT) + line.substring(1);
    }
    return line;
  }
}
