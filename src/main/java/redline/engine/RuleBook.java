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
import java.util.SortedSet;
import java.util.TreeSet;
import java.time.LocalDate;
import java.util.stream.Stream;
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
  private final List<Constraint> all;
  private final List<Constraint> constraints;
  private final List<Constraint> coherence;
  private final Map<String, Constraint> byId;
  private final LocalDate day;
  private final boolean latest;
  private final RuleBook whole;
  private final KieBase kieBase;
  private final FactType factType;
  private final List<Diagnostic> warnings;
  private final Memo memo;
  private final boolean alphaOnly;
  private final boolean bounded;

  private RuleBook(
      String folder,
      Vocabulary vocabulary,
      Map<String, String> sources,
      List<RuleFile> files,
      KieBase kieBase,
      List<Diagnostic> warnings,
      Memo memo,
      boolean bounded) {
    this.folder = folder;
    this.bounded = bounded;
    this.memo = memo;
    this.vocabulary = vocabulary;
    this.sources = Map.copyOf(sources);
    this.files = List.copyOf(files);
    this.kieBase = kieBase;
    this.factType = kieBase.getFactType(FactSchema.PACKAGE, FactSchema.TYPE);
    this.alphaOnly = alphaOnly(kieBase);
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
    this.all = List.copyOf(all);
    this.latest = true;
    this.whole = this;
    this.day = changeDates(this.all).isEmpty() ? null : changeDates(this.all).last();
    this.constraints = day == null ? this.all : this.all.stream().filter(c -> c.inForce(day)).toList();
    List<Constraint> combinations = new ArrayList<>();
    for (RuleFile f : files) {
      for (Constraint c : f.constraints()) {
        if (c.kind() == Kind.COHERENCE) {
          combinations.add(c);
        }
      }
    }
    // coherence rules say which combinations cannot exist, whatever the date: never dated
    this.coherence = List.copyOf(combinations);
    this.byId = index(constraints, coherence);
  }

  /** The same rules restricted to the constraints in force on {@code day}. */
  private RuleBook(RuleBook whole, LocalDate day) {
    this.folder = whole.folder;
    this.vocabulary = whole.vocabulary;
    this.sources = whole.sources;
    this.files = whole.files;
    this.kieBase = whole.kieBase;
    this.factType = whole.factType;
    this.alphaOnly = whole.alphaOnly;
    this.bounded = whole.bounded;
    this.warnings = whole.warnings;
    this.memo = whole.memo;
    this.all = whole.all;
    this.coherence = whole.coherence;
    this.day = day;
    this.latest = false;
    this.whole = whole;
    this.constraints = all.stream().filter(c -> c.inForce(day)).toList();
    this.byId = index(constraints, coherence);
  }

  private static Map<String, Constraint> index(List<Constraint> constraints, List<Constraint> coherence) {
    Map<String, Constraint> ids = new LinkedHashMap<>();
    constraints.forEach(c -> ids.put(c.id(), c));
    coherence.forEach(c -> ids.put(c.id(), c));
    return Collections.unmodifiableMap(ids);
  }

  /** Every day on which some stance starts or ends, in order. */
  private static SortedSet<LocalDate> changeDates(List<Constraint> constraints) {
    SortedSet<LocalDate> days = new TreeSet<>();
    for (Constraint c : constraints) {
      if (c.from() != null) {
        days.add(c.from());
      }
      if (c.until() != null) {
        days.add(c.until());
      }
    }
    return Collections.unmodifiableSortedSet(days);
  }

  /**
   * The positions as they stood on {@code day}: the same compiled rules, but only the constraints
   * in force that day count (a stance is in force from its {@code @from} day until the day before
   * its {@code @until}). Evaluations, decisions and searches over the returned book see only those.
   */
  public RuleBook at(LocalDate day) {
    return new RuleBook(whole, day);
  }

  /** The latest positions: the constraints in force after the last change. */
  public RuleBook latest() {
    return whole;
  }

  /**
   * The day whose positions this book holds: the day given to {@link #at}, or for the latest
   * positions the last day on which a stance started or ended; null when no stance is dated.
   */
  public LocalDate day() {
    return day;
  }

  /** True when this book holds the latest positions (no date was asked for). */
  public boolean isLatest() {
    return latest;
  }

  /** Every day on which a stance starts or ends, in order: the days on which the positions change. */
  public SortedSet<LocalDate> changeDates() {
    return changeDates(all);
  }

  /** Every constraint of the folder, whatever its dates: the full history. */
  public List<Constraint> allConstraints() {
    return all;
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
    return of(shown, prepare(dir, shown, cacheDir));
  }

  /**
   * The rule book of a folder read and compiled by {@link #prepare}, as {@link #load(Path, String,
   * Path)} gives it.
   *
   * @throws RulesException when reading or compiling found an error
   */
  public static RuleBook of(String shown, Prepared p) throws RulesException {
    if (p.loaded().vocabulary() == null || p.loaded().files().isEmpty()) {
      throw new RulesException(p.loaded().diagnostics());
    }
    return of(shown, p.loaded(), p.compiled(), p.memo());
  }

  /**
   * A rules folder read and compiled, with the memo of values computed from it ({@link Memo#NONE}
   * unless it came from, or went into, the cache).
   */
  public record Prepared(Loaded loaded, Compiler.Result compiled, Memo memo) {}

  /**
   * Reads and compiles the rules folder {@code dir}, taking both from {@code cacheDir} when the
   * same content was compiled before, and keeping them there when it compiles without any problem.
   * Unlike {@link #load(Path, String, Path)} it never throws: the diagnostics of both steps are in
   * the result, for the checker to report. Rule files read from the cache carry no parsed DRL.
   */
  public static Prepared prepare(Path dir, String shown, Path cacheDir) {
    CompiledCache cache = new CompiledCache(cacheDir);
    // read once: the key is the hash of exactly the text that is parsed and compiled below
    RulesFolder folder = RulesFolder.read(dir, shown);
    String key = folder.problems().isEmpty() ? CompiledCache.key(folder) : "";
    Optional<CompiledCache.Entry> hit = cache.read(key);
    if (hit.isPresent()) {
      // the cache holds only rules that were read and compiled without a problem: every
      // condition is of the closed subset, so matching is bounded
      return new Prepared(hit.get().loaded(), new Compiler.Result(hit.get().kieBase(), List.of(), true), new Memo(cache, key));
    }
    Loaded loaded = read(folder);
    if (loaded.vocabulary() == null || loaded.files().isEmpty()) {
      return new Prepared(loaded, new Compiler.Result(null, List.of(), false), Memo.NONE);
    }
    // compile even when the reader found errors, so that every problem is reported at once
    Compiler.Result compiled = Compiler.compile(loaded.vocabulary(), loaded.files(), loaded.diagnostics());
    if (loaded.diagnostics().isEmpty() && compiled.diagnostics().isEmpty() && compiled.kieBase() != null) {
      cache.write(key, loaded, compiled.kieBase());
      return new Prepared(loaded, compiled, new Memo(cache, key));
    }
    return new Prepared(loaded, compiled, Memo.NONE);
  }

  /**
   * A rule book from a folder already read and compiled (so that a caller that needs both
   * steps' diagnostics, like the checker, does the work once).
   *
   * @throws RulesException when reading or compiling found an error
   */
  public static RuleBook of(String shown, Loaded loaded, Compiler.Result compiled) throws RulesException {
    return of(shown, loaded, compiled, Memo.NONE);
  }

  /** As {@link #of(String, Loaded, Compiler.Result)}, keeping computed values in {@code memo}. */
  public static RuleBook of(String shown, Loaded loaded, Compiler.Result compiled, Memo memo) throws RulesException {
    List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
    all.addAll(compiled.diagnostics());
    if (loaded.vocabulary() == null || compiled.kieBase() == null || Diagnostic.anyError(all)) {
      throw new RulesException(all);
    }
    return new RuleBook(shown, loaded.vocabulary(), loaded.sources(), loaded.files(), compiled.kieBase(), all, memo, compiled.bounded());
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
    found.addAll(successions(files));
    int count = files.stream().mapToInt(f -> f.constraints().size()).sum();
    if (count == 0 && !folder.drls().isEmpty() && !Diagnostic.anyError(found)) {
      found.add(Diagnostic.error("no-rules", Location.of(shown), "rules folder `" + shown + "` declares no constraints"));
    }
    return new Loaded(vocabulary.vocabulary(), vocabulary.sources(), files, found);
  }

  /**
   * Checks the succession of dated stances: a {@code @supersedes} names an existing constraint of
   * the same party, no constraint is superseded twice, and the superseded stance ends on the day
   * its successor starts (no gap, no overlap).
   */
  static List<Diagnostic> successions(List<RuleFile> files) {
    List<Diagnostic> found = new ArrayList<>();
    Map<String, Constraint> byId = new HashMap<>();
    files.forEach(f -> f.constraints().forEach(c -> byId.putIfAbsent(c.id(), c)));
    Map<String, Constraint> successor = new HashMap<>();
    for (RuleFile f : files) {
      for (Constraint c : f.constraints()) {
        if (c.supersedes().isEmpty()) {
          continue;
        }
        Constraint old = byId.get(c.supersedes());
        if (c.supersedes().equals(c.id())) {
          found.add(Diagnostic.error("supersedes-itself", c.at(), "rule `" + c.id() + "` supersedes itself", "name the earlier stance it replaces"));
          continue;
        }
        if (old == null) {
          found.add(
              Diagnostic.error(
                  "unknown-supersedes",
                  c.at(),
                  "rule `" + c.id() + "` supersedes `" + c.supersedes() + "`, which is no constraint",
                  hintOr(Vocabulary.didYouMean(c.supersedes(), byId.keySet()), "name the id of the earlier stance")));
          continue;
        }
        if (!old.party().equals(c.party())) {
          found.add(
              Diagnostic.error(
                  "supersedes-other-party",
                  c.at(),
                  "rule `" + c.id() + "` of `" + c.party() + "` supersedes `" + old.id() + "` of `" + old.party() + "`",
                  "a stance can only replace a stance of the same party"));
          continue;
        }
        Constraint first = successor.putIfAbsent(old.id(), c);
        if (first != null) {
          found.add(
              Diagnostic.error(
                  "superseded-twice",
                  c.at(),
                  "rules `" + first.id() + "` and `" + c.id() + "` both supersede `" + old.id() + "`",
                  "one stance replaces another; chain them instead"));
          continue;
        }
        if (c.from() == null) {
          continue; // reported by the reader
        }
        if (old.until() == null) {
          found.add(
              Diagnostic.error(
                  "superseded-still-in-force",
                  old.at(),
                  "rule `" + old.id() + "` is superseded by `" + c.id() + "` from " + c.from() + " but has no `@until`",
                  "add @until(\"" + c.from() + "\") to `" + old.id() + "`"));
        } else if (old.until().isBefore(c.from())) {
          found.add(
              Diagnostic.error(
                  "validity-gap",
                  c.at(),
                  "stance `" + old.id() + "` ends on " + old.until() + " but its successor `" + c.id() + "` starts on " + c.from() + ": no stance holds in between",
                  "make `" + old.id() + "`'s @until equal to `" + c.id() + "`'s @from"));
        } else if (old.until().isAfter(c.from())) {
          found.add(
              Diagnostic.error(
                  "validity-overlap",
                  c.at(),
                  "stance `" + old.id() + "` holds until " + old.until() + " but its successor `" + c.id() + "` starts on " + c.from() + ": both hold in between",
                  "make `" + old.id() + "`'s @until equal to `" + c.id() + "`'s @from"));
        }
      }
    }
    for (RuleFile f : files) {
      for (Constraint c : f.constraints()) {
        if (c.until() != null && !successor.containsKey(c.id()) && c.note().isEmpty()) {
          found.add(
              Diagnostic.warning(
                  "no-successor",
                  c.at(),
                  "stance `" + c.id() + "` ends on " + c.until() + " but no rule supersedes it",
                  "add a rule with @supersedes(\"" + c.id() + "\") and @from(\"" + c.until() + "\"), or say in its @note why the party dropped it"));
        }
      }
    }
    return found;
  }

  private static String hintOr(String hint, String otherwise) {
    return hint.isEmpty() ? otherwise : hint;
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

  /**
   * Where values computed from these rules are kept between processes (the same for every day's
   * book of one folder, since they are computed from the same compiled rules).
   */
  public Memo memo() {
    return memo;
  }

  KieBase kieBase() {
    return kieBase;
  }

  /**
   * True when every rule of the knowledge base ends in an alpha terminal node (one pattern, only
   * conditions on its own fields: what the closed subset allows), so that inserting the facts and
   * flushing the propagations creates every match, without evaluating the agenda.
   */
  boolean alphaOnly() {
    return alphaOnly;
  }

  /**
   * True when matching a proposal always finishes: every rule's condition is of the closed subset
   * ({@link Compiler.Result#bounded()}). False for rules built past the reader, whose conditions
   * may call code that throws or never ends.
   */
  public boolean bounded() {
    return bounded;
  }

  private static boolean alphaOnly(KieBase kieBase) {
    if (!(kieBase instanceof org.drools.core.impl.InternalRuleBase base)) {
      return false;
    }
    for (org.drools.core.reteoo.TerminalNode[] nodes : base.getReteooBuilder().getTerminalNodes().values()) {
      for (org.drools.core.reteoo.TerminalNode node : nodes) {
        if (!(node.getLeftTupleSource() instanceof org.drools.core.reteoo.AlphaTerminalNode)) {
          return false;
        }
      }
    }
    return true;
  }

  FactType factType() {
    return factType;
  }
}
