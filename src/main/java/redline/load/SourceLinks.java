package redline.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.model.Diagnostic;

/**
 * Reads {@code source-links.yaml} of a rules folder: a link (http or https) per source id of the
 * catalogue, shown beside the sources a briefing cites. The file is optional. Thread-safe.
 */
public final class SourceLinks {
  /** The file name in a rules folder. */
  public static final String FILE = "source-links.yaml";

  private SourceLinks() {}

  /** The links read (empty when the file is missing) and the problems found. */
  public record Result(Map<String, String> links, List<Diagnostic> diagnostics) {
    public Result {
      links = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(links));
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads the links of rules folder {@code dir}, naming the file {@code shown} in diagnostics. */
  public static Result read(Path dir, String shown) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return new Result(Map.of(), List.of());
    }
    TreeReader.Result tree = TreeReader.readYaml(file, shown);
    List<Diagnostic> found = new ArrayList<>(tree.diagnostics());
    Map<String, String> links = new LinkedHashMap<>();
    Node root = tree.root();
    if (root == null) {
      return new Result(links, found);
    }
    Node list = root.is(Node.Type.OBJECT) ? root.fields().get("links") : null;
    if (list == null || !list.is(Node.Type.OBJECT)) {
      found.add(Diagnostic.error("wrong-type", root.at(), "`" + FILE + "` must hold `links:` mapping source ids to links"));
      return new Result(links, found);
    }
    list.fields().forEach((id, url) -> {
      if (!url.is(Node.Type.STRING) || !(url.text().startsWith("https://") || url.text().startsWith("http://"))) {
        found.add(Diagnostic.error("invalid-link", url.at(), "the link of `" + id + "` must be an http or https address, not `" + url.show() + "`"));
      } else {
        links.put(id, url.text());
      }
    });
    return new Result(links, found);
  }
}
