package redline.engine;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
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
import redline.load.VocabularyReader;

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
   * The cache key of a rules folder: a hash of its vocabulary and rule files as bytes, the Drools
   * version and the Redline build. It needs no parsing, so the cache can be read while the folder
   * is parsed. Empty when the folder cannot be read.
   */
  static String key(Path folder, String shown) {
    try (Stream<Path> files = Files.list(folder)) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(("drools " + DROOLS + "\nredline " + build() + "\nshown " + shown + "\n").getBytes(StandardCharsets.UTF_8));
      List<Path> inputs =
          files.filter(p -> p.getFileName().toString().endsWith(".drl") || p.getFileName().toString().equals(VocabularyReader.FILE))
              .sorted()
              .toList();
      for (Path f : inputs) {
        sha.update(("\nfile " + f.getFileName() + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(f));
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException | IOException | RuntimeException e) {
      return "";
    }
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

  /** The entry stored under {@code key}, if there is one and it reads back. */
  Optional<Entry> read(String key) {
    if (key.isEmpty()) {
      return Optional.empty();
    }
    Path file = dir.resolve(key + ".kbase");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file));
        ObjectInputStream head = new ObjectInputStream(raw)) {
      RuleBook.Loaded loaded = (RuleBook.Loaded) head.readObject();
      @SuppressWarnings("unchecked") // written by write() below
      Map<String, byte[]> bytecode = (Map<String, byte[]>) head.readObject();
      ProjectClassLoader loader = ProjectClassLoader.createProjectClassLoader(CompiledCache.class.getClassLoader(), bytecode);
      Collection<KiePackage> packages;
      try (DroolsObjectInputStream in = new DroolsObjectInputStream(head, loader)) {
        @SuppressWarnings("unchecked") // written by write() below
        Collection<KiePackage> read = (Collection<KiePackage>) in.readObject();
        packages = read;
      }
      InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase(KieServices.get().newKieBaseConfiguration(null, loader));
      base.addPackages(packages);
      return Optional.of(new Entry(loaded, base));
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return Optional.empty();
    }
  }

  /** Stores the folder as read and its compiled rules; silently does nothing when it cannot. */
  void write(String key, RuleBook.Loaded loaded, KieBase base) {
    if (key.isEmpty() || !(base instanceof InternalKnowledgeBase internal) || !(internal.getRootClassLoader() instanceof ProjectClassLoader loader)) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, key, ".tmp");
      try (OutputStream raw = new BufferedOutputStream(Files.newOutputStream(tmp));
          ObjectOutputStream head = new ObjectOutputStream(raw)) {
        List<RuleFile> files = new ArrayList<>();
        loaded.files().forEach(f -> files.add(new RuleFile(f.shown(), f.party(), null, f.constraints())));
        head.writeObject(new RuleBook.Loaded(loaded.vocabulary(), loaded.sources(), files, loaded.diagnostics()));
        head.writeObject(new HashMap<>(loader.getStore()));
        try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(head)) {
          List<KiePackage> packages = new ArrayList<>(base.getKiePackages());
          out.writeObject(packages);
        }
      }
      Files.move(tmp, dir.resolve(key + ".kbase"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // a cache that cannot be written only costs the next process a compile
    }
  }
}
