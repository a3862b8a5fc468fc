package redline.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;
import org.kie.api.definition.type.FactType;
import redline.load.RulesFolder;
import redline.load.RuleFile;
import redline.load.RuleFileReader;
import redline.load.VocabularyReader;
import redline.model.Constraint;
import redline.model.Kind;
import redline.model.Diagnostic;
import redline.model.Location;
import redline.model.Party;
import redline.model.Vocabulary;

/**
 * A loaded rules folder: the vocabulary, every party's constraints, and the compiled knowledge
 * base. Load it once per process and evaluate as many proposals as needed; it is immutable and
 * safe to share between threads.
 */
public final class RuleBook {
  private final String folder;
  private final Vocabulary vocabulary;
  private final Map<String, String> sources;
  private final List<RuleFile> files;
  private final List<Constraint> constraints;
  private final List<Constraint> coherence;
  private final Map<String, Constraint> byId;
  private final KieBase kieBase;
  private final FactType factType;
  private final List<Diagnostic> warnings;

  private RuleBook(
      String folder,
      Vocabulary vocabulary,
      Map<String, String> sources,
      List<RuleFile> files,
      KieBase kieBase,
      List<Diagnostic> warnings) {
    this.folder = folder;
    this.vocabulary = vocabulary;
    this.sources = Map.copyOf(sources);
    this.files = List.copyOf(files);
    this.kieBase = kieBase;
    this.factType = kieBase.getFactType(FactSchema.PACKAGE, FactSchema.TYPE);
    this.warnings = Diagnostic.sorted(warnings);
    List<Constraint> all = new ArrayList<>();
    for (Party p : vocabulary.parties().values()) {
      for (RuleFile f : files) {
        for (Constraint c : f.constraints()) {
          if (c.party().equals(p.code())) {
            all.add(c);
          }
        }
      }
    }
    this.constraints = List.copyOf(all);
    List<Constraint> combinations = new ArrayList<>();
    for (RuleFile f : files) {
      for (Constraint c : f.constraints()) {
        if (c.kind() == Kind.COHERENCE) {
          combinations.add(c);
        }
      }
    }
    this.coherence = List.copyOf(combinations);
    Map<String, Constraint> ids = new LinkedHashMap<>();
    all.forEach(c -> ids.put(c.id(), c));
    combinations.forEach(c -> ids.put(c.id(), c));
    this.byId = Collections.unmodifiableMap(ids);
  }

  /**
   * Loads the rules folder {@code dir}: reads {@code vocabulary.yaml} and every {@code *.drl}
   * file, checks each rule's metadata and the terms it names, and compiles them.
   *
   * @throws RulesException with every problem found, when any of them is an error
   */
  public static RuleBook load(Path dir) throws RulesException {
    return load(dir, dir.toString());
  }

  /** As {@link #load(Path)}, naming the folder {@code shown} in diagnostics. */
  public static RuleBook load(Path dir, String shown) throws RulesException {
    return load(read(dir, shown), shown);
  }

  private static RuleBook load(Loaded loaded, String shown) throws RulesException {
    if (loaded.vocabulary() == null || loaded.files().isEmpty()) {
      throw new RulesException(loaded.diagnostics());
    }
    // compile even when the reader found errors, so that every problem is reported at once
    return of(shown, loaded, Compiler.compile(loaded.vocabulary(), loaded.files(), loaded.diagnostics()));
  }

  /**
   * As {@link #load(Path, String)}, but keeps the read and compiled rules in {@code cacheDir},
   * keyed by the content of the folder, so that a later process with the same rules skips the
   * parser and the compiler. Rules with any problem are never cached, so every diagnostic is
   * reported. Rule files read from the cache carry no parsed DRL ({@link RuleFile#descr()} is
   * null).
   */
  public static RuleBook load(Path dir, String shown, Path cacheDir) throws RulesException {
    CompiledCache cache = new CompiledCache(cacheDir);
    // read once: the key is the hash of exactly the text that is parsed and compiled below
    RulesFolder folder = RulesFolder.read(dir, shown);
    String key = folder.problems().isEmpty() ? CompiledCache.key(folder) : "";
    Optional<CompiledCache.Entry> hit = cache.read(key);
    if (hit.isPresent()) {
      return of(shown, hit.get().loaded(), new Compiler.Result(hit.get().kieBase(), List.of()));
    }
    Loaded loaded = read(folder);
    if (loaded.vocabulary() == null || loaded.files().isEmpty() || !loaded.diagnostics().isEmpty()) {
      return load(loaded, shown);
    }
    Compiler.Result compiled = Compiler.compile(loaded.vocabulary(), loaded.files(), loaded.diagnostics());
    RuleBook book = of(shown, loaded, compiled);
    if (compiled.diagnostics().isEmpty()) {
      cache.write(key, loaded, compiled.kieBase());
    }
    return book;
  }

  /**
   * A rule book from a folder already read and compiled (so that a caller that needs both
   * steps' diagnostics, like the checker, does the work once).
   *
   * @throws RulesException when reading or compiling found an error
   */
  public static RuleBook of(String shown, Loaded loaded, Compiler.Result compiled) throws RulesException {
    List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
    all.addAll(compiled.diagnostics());
    if (loaded.vocabulary() == null || compiled.kieBase() == null || Diagnostic.anyError(all)) {
      throw new RulesException(all);
    }
    return new RuleBook(shown, loaded.vocabulary(), loaded.sources(), loaded.files(), compiled.kieBase(), all);
  }

  /** What reading a rules folder produced before compilation. */
  public record Loaded(
      Vocabulary vocabulary, Map<String, String> sources, List<RuleFile> files, List<Diagnostic> diagnostics)
      implements java.io.Serializable {
    public Loaded {
      files = List.copyOf(files);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /**
   * Reads a rules folder without compiling it: the vocabulary, the parsed rule files and every
   * problem found. The checker uses this to report all problems, including compile errors.
   */
  public static Loaded read(Path dir, String shown) {
    return read(RulesFolder.read(dir, shown));
  }

  /** As {@link #read(Path, String)}, from a folder already read into memory. */
  public static Loaded read(RulesFolder folder) {
    String shown = folder.shown();
    Path dir = folder.dir();
    String prefix = folder.prefix();
    List<Diagnostic> found = new ArrayList<>(folder.problems());
    if (!folder.exists() || folder.vocabulary() == null) {
      return new Loaded(null, Map.of(), List.of(), found);
    }
    VocabularyReader.Result vocabulary = VocabularyReader.read(folder.vocabulary(), prefix + VocabularyReader.FILE);
    found.addAll(vocabulary.diagnostics());
    if (vocabulary.vocabulary() == null) {
      return new Loaded(null, vocabulary.sources(), List.of(), found);
    }
    if (!folder.hasRuleFiles()) {
      found.add(Diagnostic.error("no-rules", Location.of(shown), "rules folder `" + shown + "` has no `.drl` files"));
    }
    RuleFileReader reader = new RuleFileReader(vocabulary.vocabulary(), vocabulary.sources());
    List<RuleFile> files = new ArrayList<>();
    for (Map.Entry<String, String> drl : folder.drls().entrySet()) {
      RuleFileReader.Result r = reader.read(drl.getValue(), prefix + drl.getKey());
      found.addAll(r.diagnostics());
      if (r.file() != null) {
        files.add(r.file());
      }
    }
    for (Party p : vocabulary.vocabulary().parties().values()) {
      if (!p.file().isEmpty() && !Files.isRegularFile(dir.resolve(p.file()))) {
        found.add(
            Diagnostic.warning(
                "missing-party-file",
                Location.of(prefix + VocabularyReader.FILE),
                "party `" + p.code() + "` names rule file `" + p.file() + "`, which does not exist",
                ""));
      }
    }
    Map<String, Location> seen = new HashMap<>();
    for (RuleFile f : files) {
      for (Constraint c : f.constraints()) {
        Location first = seen.putIfAbsent(c.id(), c.at());
        if (first != null) {
          found.add(
              Diagnostic.error(
                  "duplicate-id",
                  c.at(),
                  "constraint id `" + c.id() + "` is used twice",
                  "first used at " + first.render()));
        }
      }
    }
    int count = files.stream().mapToInt(f -> f.constraints().size()).sum();
    if (count == 0 && !folder.drls().isEmpty() && !Diagnostic.anyError(found)) {
      found.add(Diagnostic.error("no-rules", Location.of(shown), "rules folder `" + shown + "` declares no constraints"));
    }
    return new Loaded(vocabulary.vocabulary(), vocabulary.sources(), files, found);
  }

  /** The folder the rules came from, as the user named it. */
  public String folder() {
    return folder;
  }

  /** The parties and terms. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The source catalogue: source id to citation. */
  public Map<String, String> sources() {
    return sources;
  }

  /** The parsed rule files, by file name. */
  public List<RuleFile> files() {
    return files;
  }

  /** Every constraint, by party in vocabulary order, then in file order. */
  public List<Constraint> constraints() {
    return constraints;
  }

  /**
   * The coherence rules: combinations of terms that cannot exist together, in file order. They
   * belong to no party and are not among {@link #constraints()}.
   */
  public List<Constraint> coherence() {
    return coherence;
  }

  /** The constraints of one party, in file order. */
  public List<Constraint> constraints(String party) {
    return constraints.stream().filter(c -> c.party().equals(party)).toList();
  }

  /** The constraint or coherence rule with id {@code id}. */
  public Optional<Constraint> constraint(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The parties that have at least one constraint, in vocabulary order. */
  public List<Party> parties() {
    return vocabulary.parties().values().stream().filter(p -> !constraints(p.code()).isEmpty()).toList();
  }

  /** Warnings met while loading (the load failed if there were errors). */
  public List<Diagnostic> warnings() {
    return warnings;
  }

  KieBase kieBase() {
    return kieBase;
  }

  FactType factType() {
    return factType;
  }
}
