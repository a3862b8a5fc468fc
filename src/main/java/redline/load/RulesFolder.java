package redline.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import redline.model.Diagnostic;
import redline.model.Location;

/**
 * A rules folder read once into memory: the text of {@code vocabulary.yaml} and of every
 * {@code *.drl} file, and the problems met reading them. Everything downstream (the readers,
 * the compiler, the compiled-rules cache key) works from this one reading, so a file edited
 * while a process runs can never be parsed in one version and cached under another.
 */
public final class RulesFolder {
  private final Path dir;
  private final String shown;
  private final String vocabulary;
  private final Map<String, String> drls;
  private final List<Diagnostic> problems;
  private final boolean exists;

  private RulesFolder(Path dir, String shown, boolean exists, String vocabulary, Map<String, String> drls, List<Diagnostic> problems) {
    this.dir = dir;
    this.shown = shown;
    this.exists = exists;
    this.vocabulary = vocabulary;
    this.drls = Collections.unmodifiableMap(drls);
    this.problems = List.copyOf(problems);
  }

  /** The folder as the user named it, with a trailing slash, for naming its files. */
  public String prefix() {
    return shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
  }

  /** Reads {@code dir}, named {@code shown} in diagnostics. */
  public static RulesFolder read(Path dir, String shown) {
    List<Diagnostic> problems = new ArrayList<>();
    String prefix = shown.isEmpty() || shown.endsWith("/") ? shown : shown + "/";
    if (!Files.isDirectory(dir)) {
      problems.add(Diagnostic.error("no-rules-folder", Location.of(shown), "rules folder `" + shown + "` does not exist", "pass --rules DIR"));
      return new RulesFolder(dir, shown, false, null, new LinkedHashMap<>(), problems);
    }
    Path vocabularyFile = dir.resolve(VocabularyReader.FILE);
    String vocabularyText = null;
    if (Files.exists(vocabularyFile) || Files.isSymbolicLink(vocabularyFile)) {
      InputFile.Result r = InputFile.read(vocabularyFile, prefix + VocabularyReader.FILE, TreeReader.MAX_BYTES);
      if (r.error() != null) {
        problems.add(r.error());
      } else {
        vocabularyText = r.text();
      }
    } else {
      problems.add(
          Diagnostic.error(
              "no-vocabulary",
              Location.of(prefix + VocabularyReader.FILE),
              "rules folder `" + shown + "` has no `" + VocabularyReader.FILE + "`",
              "the vocabulary defines the parties and terms the rules use"));
    }
    Map<String, String> drls = new LinkedHashMap<>();
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList();
    } catch (IOException e) {
      problems.add(InputFile.ioError(e, shown));
      return new RulesFolder(dir, shown, true, vocabularyText, drls, problems);
    }
    for (Path f : files) {
      // a folder, pipe or device named *.drl is refused by the reader, in one line
      InputFile.Result r = InputFile.read(f, prefix + f.getFileName());
      if (r.error() != null) {
        problems.add(r.error());
      } else {
        drls.put(f.getFileName().toString(), r.text());
      }
    }
    return new RulesFolder(dir, shown, true, vocabularyText, drls, problems);
  }

  /** The folder on disk. */
  public Path dir() {
    return dir;
  }

  /** The folder as the user named it. */
  public String shown() {
    return shown;
  }

  /** True when the folder exists. */
  public boolean exists() {
    return exists;
  }

  /** The text of {@code vocabulary.yaml}, or null when it could not be read. */
  public String vocabulary() {
    return vocabulary;
  }

  /** The text of each rule file that was read, by file name, sorted. */
  public Map<String, String> drls() {
    return drls;
  }

  /** True when the folder names a rule file (a {@code *.drl} entry), read or not. */
  public boolean hasRuleFiles() {
    return !drls.isEmpty() || problems.stream().anyMatch(d -> d.at().file().endsWith(".drl"));
  }

  /** The problems met reading the folder. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /**
   * A hash of exactly the text read, with {@code salt} (versions, build) in front: the key of
   * the compiled-rules cache.
   */
  public String hash(String salt) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update((salt + "\nshown " + shown + "\n").getBytes(StandardCharsets.UTF_8));
      sha.update(("\nvocabulary " + (vocabulary == null ? -1 : vocabulary.length()) + "\n").getBytes(StandardCharsets.UTF_8));
      if (vocabulary != null) {
        sha.update(vocabulary.getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, String> e : drls.entrySet()) {
        sha.update(("\nfile " + e.getKey() + " " + e.getValue().length() + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(e.getValue().getBytes(StandardCharsets.UTF_8));
      }
      return java.util.HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      return "";
    }
  }
}
