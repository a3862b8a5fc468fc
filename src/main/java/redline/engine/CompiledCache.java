package redline.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.drools.wiring.api.classloader.ProjectClassLoader;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.definition.KiePackage;
import java.util.stream.Stream;
import redline.load.RuleFile;
import redline.load.RulesFolder;

/**
 * A cache of compiled rules on disk, keyed by the content of the vocabulary and the rule files,
 * the Drools version and the Redline build, so that a new process skips the DRL parser and
 * Drools' compiler when nothing changed. It stores the folder as read (vocabulary, constraints),
 * the compiled packages and the bytecode of the generated {@code Proposal} type (the packages
 * cannot be read back without it). Any problem reading or writing
 * the cache is silent: the caller compiles instead. Internal Drools API: kept to this class.
 */
final class CompiledCache {
  private static final String DROOLS = "10.2.0";

  private final Path dir;

  CompiledCache(Path dir) {
    this.dir = dir;
  }

  /**
   * The cache key of a rules folder read into memory: a hash of exactly the text read (the text
   * that is then parsed and compiled), the Drools version and the Redline build.
   */
  static String key(RulesFolder folder) {
    return folder.hash("drools " + DROOLS + "\nredline " + build());
  }

  /** The cache key of the folder {@code folder} as it is on disk now. */
  static String key(Path folder, String shown) {
    RulesFolder read = RulesFolder.read(folder, shown);
    return read.problems().isEmpty() ? key(read) : "";
  }

  /** The Redline build: the time its classes were written, so a rebuild invalidates the cache. */
  private static String build() {
    try {
      Path code = Path.of(CompiledCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return code + "@" + Files.getLastModifiedTime(code).toMillis();
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** What the cache holds for one rules folder: the folder as read, and its compiled rules. */
  record Entry(RuleBook.Loaded loaded, KieBase kieBase) {}

  /**
   * The entry stored under {@code key}, if there is one and it reads back. Its two files are
   * read side by side: the folder as read on a helper thread, the compiled rules (and the rule
   * base Drools builds from them) on the caller's; each takes about a third of a cold start.
   */
  Optional<Entry> read(String key) {
    if (key.isEmpty() || !Files.isRegularFile(dir.resolve(key + ".kbase")) || !Files.isRegularFile(dir.resolve(key + "." + FOLDER))) {
      return Optional.empty();
    }
    java.util.concurrent.CompletableFuture<Optional<Object>> folder = java.util.concurrent.CompletableFuture.supplyAsync(() -> readSide(key, FOLDER), READER);
    Optional<KieBase> base = readBase(key);
    Optional<Object> loaded = folder.join();
    if (base.isEmpty() || !(loaded.orElse(null) instanceof RuleBook.Loaded l)) {
      return Optional.empty();
    }
    return Optional.of(new Entry(l, base.get()));
  }

  /** The side file that holds the folder as read (without its parsed DRL). */
  private static final String FOLDER = "folder";

  /** The thread that reads an entry's folder while the caller reads its compiled rules. */
  private static final java.util.concurrent.Executor READER =
      r -> {
        Thread t = new Thread(r, "redline-cache");
        t.setDaemon(true);
        t.start();
      };

  /** The compiled rules stored under {@code key}, built into a rule base, if they read back. */
  private Optional<KieBase> readBase(String key) {
    Path file = dir.resolve(key + ".kbase");
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        ObjectInputStream head = new ObjectInputStream(raw)) {
      head.setObjectInputFilter(FILTER);
      // the entry names the key it was written for: a file copied or renamed is not used
      if (!key.equals(head.readUTF())) {
        return Optional.empty();
      }
      @SuppressWarnings("unchecked") // written by write() below
      Map<String, byte[]> bytecode = (Map<String, byte[]>) head.readObject();
      ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(CompiledCache.class.getClassLoader(), bytecode);
      Collection<KiePackage> packages;
      try (DroolsObjectInputStream in = new DroolsObjectInputStream(head, loader)) {
        in.setObjectInputFilter(FILTER);
        @SuppressWarnings("unchecked") // written by write() below
        Collection<KiePackage> read = (Collection<KiePackage>) in.readObject();
        packages = read;
      }
      InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, loader));
      base.addPackages(packages);
      return Optional.of(base);
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /**
   * Stores the folder as read and its compiled rules, in two files: the compiled rules, which
   * name the entry, then the folder as a side file of it (an entry whose folder file is missing
   * is not read); silently does nothing when it cannot.
   */
  void write(String key, RuleBook.Loaded loaded, KieBase base) {
    if (key.isEmpty() || !(base instanceof InternalKnowledgeBase internal) || !(internal.getRootClassLoader() instanceof ProjectClassLoader loader)) {
      return;
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      return; // a cache that cannot be written only costs the next process a compile
    }
    prune();
    List<RuleFile> files = new ArrayList<>();
    loaded.files().forEach(f -> files.add(new RuleFile(f.shown(), f.party(), null, f.constraints())));
    RuleBook.Loaded stored = new RuleBook.Loaded(loaded.vocabulary(), loaded.sources(), files, loaded.diagnostics());
    writeAtomically(
        key,
        key + ".kbase",
        head -> {
          head.writeUTF(key);
          head.writeObject(new HashMap<>(loader.getStore()));
          try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(head)) {
            List<KiePackage> packages = new ArrayList<>(base.getKiePackages());
            out.writeObject(packages);
          }
        });
    writeSide(key, FOLDER, stored);
  }

  /** What writes one cache file's content. */
  private interface Content {
    void writeTo(ObjectOutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} under a temporary name, then renames it to {@code name} in one step, so
   * that a reader sees the old file or the whole new one; silently does nothing when it cannot
   * (a leftover temporary file goes at the next prune).
   */
  private void writeAtomically(String key, String name, Content content) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, key, ".tmp");
      try (ObjectOutputStream out = new ObjectOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
        content.writeTo(out);
      }
      Files.move(tmp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException | RuntimeException e) {
      // the next process computes it again
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // left for the next prune
        }
      }
    }
  }

  /**
   * A value computed from the rules stored under {@code key} (for instance Drools' decisions over
   * every constraint's values), kept in a side file beside them; empty when there is none or it
   * does not read back.
   */
  Optional<Object> readSide(String key, String name) {
    if (key.isEmpty() || !Files.isRegularFile(dir.resolve(key + ".kbase"))) {
      return Optional.empty();
    }
    Path file = dir.resolve(key + "." + name);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (ObjectInputStream in = new ObjectInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      in.setObjectInputFilter(FILTER);
      if (!(key + "." + name).equals(in.readUTF())) {
        return Optional.empty();
      }
      return Optional.ofNullable(in.readObject());
    } catch (IOException | ClassNotFoundException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Stores {@code value} in the side file {@code name} of the rules stored under {@code key}
   * (only while they are stored, so that pruning the rules prunes it too); silently does nothing
   * when it cannot.
   */
  void writeSide(String key, String name, java.io.Serializable value) {
    if (key.isEmpty() || !Files.isRegularFile(dir.resolve(key + ".kbase"))) {
      return;
    }
    writeAtomically(
        key,
        key + "." + name,
        out -> {
          out.writeUTF(key + "." + name);
          out.writeObject(value);
        });
  }

  /** How many entries the cache keeps: the most recently written. */
  static final int KEEP = 8;

  /** How old a temporary file must be before it counts as left over by a process that died. */
  static final Duration STALE = Duration.ofMinutes(10);

  /**
   * The classes an entry may hold: Redline's own values, the JDK's collections, dates and
   * boxes, and Drools' compiled packages; anything else in a file dropped into the cache folder
   * stops the read (and the caller compiles).
   */
  static final ObjectInputFilter FILTER =
      ObjectInputFilter.Config.createFilter(
          "maxdepth=200;maxrefs=5000000;maxbytes=268435456;"
              + "redline.model.*;redline.load.*;redline.engine.RuleBook$Loaded;redline.rules.*;"
              + "java.lang.*;java.lang.invoke.SerializedLambda;java.util.**;java.time.*;java.math.*;"
              + "org.drools.**;org.kie.**;org.mvel2.**;!*");

  /**
   * Deletes stale temporary files, all but the {@link #KEEP} newest entries, and the side files
   * of entries that are gone.
   */
  void prune() {
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> entries = new ArrayList<>();
      List<Path> sides = new ArrayList<>();
      long now = System.currentTimeMillis();
      for (Path p : s.toList()) {
        String name = p.getFileName().toString();
        if (name.endsWith(".tmp")) {
          if (now - Files.getLastModifiedTime(p).toMillis() > STALE.toMillis()) {
            Files.deleteIfExists(p);
          }
        } else if (name.endsWith(".kbase")) {
          entries.add(p);
        } else if (name.indexOf('.') > 0) {
          sides.add(p);
        }
      }
      if (entries.size() >= KEEP) {
        Map<Path, Long> times = new HashMap<>();
        for (Path p : entries) {
          times.put(p, Files.getLastModifiedTime(p).toMillis());
        }
        entries.sort((a, b) -> Long.compare(times.get(b), times.get(a)));
        for (Path old : entries.subList(KEEP - 1, entries.size())) {
          Files.deleteIfExists(old);
        }
      }
      for (Path side : sides) {
        String name = side.getFileName().toString();
        if (!Files.isRegularFile(dir.resolve(name.substring(0, name.indexOf('.')) + ".kbase"))) {
          Files.deleteIfExists(side);
        }
      }
    } catch (IOException | RuntimeException e) {
      // pruning is best effort
    }
  }
}
