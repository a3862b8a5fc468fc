package redline.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.model.Evaluation;
import redline.model.Proposal;

/** The compiled-rules cache: same results as compiling, keyed by content, silent when broken. */
class CompiledCacheTest {
  @Test
  void aCachedRuleBookEvaluatesExactlyLikeACompiledOne(@TempDir Path cache) throws Exception {
    RuleBook compiled = RuleBook.load(Path.of("rules"));
    RuleBook first = RuleBook.load(Path.of("rules"), "rules", cache);
    assertEquals(1, files(cache).size(), "the first load writes the cache");
    RuleBook second = RuleBook.load(Path.of("rules"), "rules", cache);
    Random random = new Random(11);
    for (int i = 0; i < 40; i++) {
      Proposal p = EvaluatorTest.randomProposal(random, "c" + i);
      Evaluation expected = new Evaluator(compiled).evaluate(p);
      assertEquals(expected, new Evaluator(first).evaluate(p));
      assertEquals(expected, new Evaluator(second).evaluate(p));
    }
  }

  @Test
  void theKeyFollowsTheContentOfTheRules(@TempDir Path dir) throws IOException {
    Path rules = dir.resolve("rules");
    Files.createDirectories(rules);
    for (String f : List.of("vocabulary.yaml", "alpha.drl", "beta.drl")) {
      Files.copy(Path.of("src/test/resources/mini/rules", f), rules.resolve(f));
    }
    String before = CompiledCache.key(rules, "rules");
    assertEquals(before, CompiledCache.key(rules, "rules"));
    Files.writeString(rules.resolve("beta.drl"), Files.readString(rules.resolve("beta.drl")).replace("500000", "400000"));
    assertNotEquals(before, CompiledCache.key(rules, "rules"));
  }

  @Test
  void aCorruptFileOfTheFolderAsReadIsIgnored(@TempDir Path cache) throws Exception {
    RuleBook.load(Path.of("rules"), "rules", cache);
    List<Path> folders;
    try (Stream<Path> s = Files.list(cache)) {
      folders = s.filter(p -> p.toString().endsWith(".folder")).toList();
    }
    assertEquals(1, folders.size(), "an entry keeps the folder as read beside its compiled rules");
    Files.writeString(folders.get(0), "not a folder");
    RuleBook book = RuleBook.load(Path.of("rules"), "rules", cache);
    assertTrue(book.files().stream().allMatch(f -> f.descr() != null), "read and compiled again");
    assertTrue(RuleBook.load(Path.of("rules"), "rules", cache).files().stream().allMatch(f -> f.descr() == null), "and cached again");
  }

  @Test
  void aCorruptCacheFileIsIgnored(@TempDir Path cache) throws Exception {
    RuleBook.load(Path.of("rules"), "rules", cache);
    for (Path f : files(cache)) {
      Files.writeString(f, "not a compiled rule base");
    }
    RuleBook book = RuleBook.load(Path.of("rules"), "rules", cache);
    assertTrue(book.constraints().size() > 100);
    assertEquals(Evaluation.class, new Evaluator(book).evaluate(Proposal.of("x", java.util.Map.of())).getClass());
  }

  private static List<Path> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".kbase")).toList();
    }
  }

  @Test
  void aSecondLoadIsServedFromTheCache(@TempDir Path cache) throws Exception {
    RuleBook first = RuleBook.load(Path.of("rules"), "rules", cache);
    assertTrue(first.files().stream().allMatch(f -> f.descr() != null), "the first load parses");
    RuleBook second = RuleBook.load(Path.of("rules"), "rules", cache);
    assertTrue(second.files().stream().allMatch(f -> f.descr() == null), "the second load reads the cache (passes the class filter)");
  }

  @Test
  void anEntryIsUsedOnlyForTheKeyItWasWrittenFor(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    Path rules = copyOfMini(dir.resolve("rules"));
    RuleBook.load(rules, "rules", cache);
    Path entry = files(cache).get(0);
    Files.writeString(rules.resolve("beta.drl"), Files.readString(rules.resolve("beta.drl")).replace("500000", "400000"));
    String newKey = CompiledCache.key(rules, "rules");
    Files.copy(entry, cache.resolve(newKey + ".kbase"));
    RuleBook book = RuleBook.load(rules, "rules", cache);
    assertTrue(book.files().stream().allMatch(f -> f.descr() != null), "an entry under another key's name is not used");
    assertTrue(book.constraints().stream().anyMatch(c -> c.condition().contains("400000")), book.constraints().toString());
  }

  /** A class whose deserialisation would run code. */
  static final class Planted implements java.io.Serializable {
    static volatile boolean ran;

    private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
      in.defaultReadObject();
      ran = true;
    }
  }

  @Test
  void aFilePlantedInTheCacheRunsNoCode(@TempDir Path dir) throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    Path rules = copyOfMini(dir.resolve("rules"));
    String key = CompiledCache.key(rules, "rules");
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(Files.newOutputStream(cache.resolve(key + ".kbase")))) {
      out.writeUTF(key);
      out.writeObject(new Planted());
    }
    // and in the file of the folder as read, which is read on another thread
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(Files.newOutputStream(cache.resolve(key + ".folder")))) {
      out.writeUTF(key + ".folder");
      out.writeObject(new Planted());
    }
    RuleBook book = RuleBook.load(rules, "rules", cache);
    assertTrue(!Planted.ran, "the planted class was deserialised");
    assertTrue(book.constraints().size() > 0);
  }

  @Test
  void oldEntriesAndLeftoverTemporaryFilesArePruned(@TempDir Path dir) throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    for (int i = 0; i < 20; i++) {
      Path old = Files.writeString(cache.resolve("old" + i + ".kbase"), "x");
      Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 86_400_000L + i));
    }
    Path leftover = Files.writeString(cache.resolve("abc.tmp"), "x");
    Files.setLastModifiedTime(leftover, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000L));
    RuleBook.load(copyOfMini(dir.resolve("rules")), "rules", cache);
    assertTrue(files(cache).size() <= CompiledCache.KEEP, files(cache).toString());
    assertTrue(!Files.exists(leftover));
    try (Stream<Path> s = Files.list(cache)) {
      assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".tmp")).toList());
    }
  }

  @Test
  void valuesKeptBesideTheRulesReadBackAndGoWithThem(@TempDir Path dir) throws Exception {
    Path cache = dir.resolve("cache");
    Path rules = copyOfMini(dir.resolve("rules"));
    RuleBook first = RuleBook.load(rules, "rules", cache);
    first.memo().write("answer", new java.util.ArrayList<>(List.of("a", "b")));
    RuleBook second = RuleBook.load(rules, "rules", cache);
    assertEquals(java.util.Optional.of(List.of("a", "b")), second.memo().read("answer", java.util.ArrayList.class));
    assertEquals(second.memo().read("answer", java.util.ArrayList.class), second.at(java.time.LocalDate.of(2025, 1, 1)).memo().read("answer", java.util.ArrayList.class), "every day's book shares the memo");
    assertTrue(second.memo().read("answer", String.class).isEmpty(), "a value of another type is not served");
    assertTrue(second.memo().read("other", java.util.ArrayList.class).isEmpty());
    Path side = cache.resolve(CompiledCache.key(rules, "rules") + ".answer");
    Files.writeString(side, "garbage");
    assertTrue(RuleBook.load(rules, "rules", cache).memo().read("answer", java.util.ArrayList.class).isEmpty(), "a corrupt side file is ignored");
    // when the entry goes, its side files go with it at the next prune
    second.memo().write("answer", new java.util.ArrayList<>(List.of("c")));
    Files.delete(cache.resolve(CompiledCache.key(rules, "rules") + ".kbase"));
    assertTrue(
        new Memo(new CompiledCache(cache), CompiledCache.key(rules, "rules")).read("answer", java.util.ArrayList.class).isEmpty(),
        "nothing is read back without its rules");
    assertEquals(java.util.Optional.of(List.of("c")), second.memo().read("answer", java.util.ArrayList.class), "this process keeps what it wrote");
    new CompiledCache(cache).prune();
    assertTrue(!Files.exists(side), "the side file of a pruned entry is deleted");
  }

  @Test
  void rulesWithWarningsOrLoadedWithoutACacheKeepNothing(@TempDir Path dir) throws Exception {
    RuleBook plain = RuleBook.load(copyOfMini(dir.resolve("rules")));
    plain.memo().write("answer", "x");
    assertTrue(plain.memo().read("answer", String.class).isEmpty());
    assertEquals(Memo.NONE, plain.memo());
    // rules with warnings are never cached, so that every load reports them: nothing is kept either
    RuleBook warned = RuleBook.load(Path.of("src/test/resources/warnings/rules"), "warnings", dir.resolve("cache"));
    assertTrue(!warned.warnings().isEmpty());
    assertEquals(Memo.NONE, warned.memo());
  }

  static Path copyOfMini(Path rules) throws IOException {
    Files.createDirectories(rules);
    for (String f : List.of("vocabulary.yaml", "alpha.drl", "beta.drl")) {
      Files.copy(Path.of("src/test/resources/mini/rules", f), rules.resolve(f));
    }
    return rules;
  }
}
