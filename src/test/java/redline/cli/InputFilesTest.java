package redline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;

/**
 * Inputs that are not regular files, or cannot be read, or are not UTF-8: each gets one clear
 * line and exit 2 (proposals, cases) or 3 (rules), never a hang, a stack trace or exit 0.
 */
class InputFilesTest {
  static final String RULES = "src/test/resources/mini/rules";
  static final String PROPOSAL = "src/test/resources/mini/proposals/open.json";
  static final Duration BOUND = Duration.ofSeconds(30);

  private static Cli run(String... args) {
    return org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(BOUND, () -> Cli.run(args));
  }

  private static void oneClearLine(Cli r, int exit, String text) {
    assertEquals(exit, r.exit(), r.transcript());
    assertTrue(r.err().contains(text) || r.out().contains(text), r.transcript());
    assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.transcript());
  }

  private static Path fifo(Path where) throws Exception {
    Process p = new ProcessBuilder("mkfifo", where.toString()).inheritIO().start();
    assumeTrue(p.waitFor() == 0, "mkfifo is not available");
    return where;
  }

  @Test
  void aPipeAsAProposalIsRefusedWithoutBlocking(@TempDir Path tmp) throws Exception {
    Path pipe = fifo(tmp.resolve("pipe.json"));
    oneClearLine(run("evaluate", "--rules", RULES, pipe.toString()), 2, "is not a regular file");
    oneClearLine(run("evaluate", "--rules", RULES, tmp.toString()), 2, "is not a regular file");
  }

  @Test
  void aDeviceAsAProposalIsRefused() {
    assumeTrue(Files.exists(Path.of("/dev/zero")));
    oneClearLine(run("evaluate", "--rules", RULES, "/dev/zero"), 2, "`/dev/zero` is not a regular file");
    oneClearLine(run("test", "--rules", RULES, "/dev/zero"), 2, "`/dev/zero` is not a regular file");
  }

  @Test
  void aPipeAsTheVocabularyOrARuleFileIsRefused(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    fifo(rules.resolve("vocabulary.yaml"));
    Files.copy(Path.of(RULES, "alpha.drl"), rules.resolve("alpha.drl"));
    oneClearLine(run("evaluate", "--rules", rules.toString(), PROPOSAL), 3, "vocabulary.yaml` is not a regular file");

    Path rules2 = Files.createDirectory(tmp.resolve("rules2"));
    Files.copy(Path.of(RULES, "vocabulary.yaml"), rules2.resolve("vocabulary.yaml"));
    Files.copy(Path.of(RULES, "alpha.drl"), rules2.resolve("alpha.drl"));
    fifo(rules2.resolve("beta.drl"));
    oneClearLine(run("evaluate", "--rules", rules2.toString(), PROPOSAL), 3, "beta.drl` is not a regular file");
    oneClearLine(run("check", rules2.toString()), 3, "beta.drl` is not a regular file");
  }

  @Test
  void aFolderNamedLikeARuleFileIsAnError(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    Files.copy(Path.of(RULES, "vocabulary.yaml"), rules.resolve("vocabulary.yaml"));
    Files.copy(Path.of(RULES, "alpha.drl"), rules.resolve("alpha.drl"));
    Files.createDirectory(rules.resolve("beta.drl"));
    oneClearLine(run("evaluate", "--rules", rules.toString(), PROPOSAL), 3, "beta.drl` is a folder, not a file");
  }

  @Test
  void aRuleFileThatIsNotUtf8IsAnErrorAtItsLine(@TempDir Path tmp) throws Exception {
    Path rules = Files.createDirectory(tmp.resolve("rules"));
    Files.copy(Path.of(RULES, "vocabulary.yaml"), rules.resolve("vocabulary.yaml"));
    Files.copy(Path.of(RULES, "beta.drl"), rules.resolve("beta.drl"));
    byte[] alpha = Files.readAllBytes(Path.of(RULES, "alpha.drl"));
    byte[] bad = new byte[alpha.length + 2];
    System.arraycopy(alpha, 0, bad, 0, alpha.length);
    bad[alpha.length] = (byte) 0xc0;
    bad[alpha.length + 1] = (byte) 0xaf;
    Files.write(rules.resolve("alpha.drl"), bad);
    Cli r = run("evaluate", "--rules", rules.toString(), PROPOSAL);
    oneClearLine(r, 3, "[invalid-encoding]");
  }

  @Test
  void aSymlinkLoopIsOneLine(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("proposals"));
    Files.copy(Path.of(PROPOSAL), dir.resolve("open.json"));
    Files.createSymbolicLink(dir.resolve("loop"), dir);
    oneClearLine(run("evaluate", "--rules", RULES, dir.toString()), 2, "(a loop)");
    Path self = tmp.resolve("self.json");
    Files.createSymbolicLink(self, self);
    oneClearLine(run("evaluate", "--rules", RULES, self.toString()), 2, "a loop of symbolic links");
  }

  @Test
  void anUnreadableFolderIsOneLine(@TempDir Path tmp) throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("proposals"));
    Files.copy(Path.of(PROPOSAL), dir.resolve("open.json"));
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.copy(Path.of(PROPOSAL), locked.resolve("hidden.json"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    try {
      assumeTrue(!Files.isReadable(locked), "running as a user who reads every folder");
      oneClearLine(run("evaluate", "--rules", RULES, dir.toString()), 2, "permission denied");
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void evaluatingNothingIsAnErrorAndNeverWalksTheCurrentFolder(@TempDir Path tmp) throws IOException {
    oneClearLine(run("evaluate", "--rules", RULES, ""), 2, "an empty file name");
    Path empty = Files.createDirectory(tmp.resolve("empty"));
    oneClearLine(run("evaluate", "--rules", RULES, empty.toString()), 2, "holds no `.json` files");
    oneClearLine(run("test", "--rules", RULES, empty.toString()), 2, "holds no `.json` files");
  }

  @Test
  void aHugeStreamIsCutOffWhileReading(@TempDir Path tmp) throws Exception {
    Path pipe = fifo(tmp.resolve("big.json"));
    // a pipe is refused before it is opened; a large regular file is cut off at the limit
    Path big = tmp.resolve("big2.json");
    Files.write(big, new byte[redline.load.InputFile.MAX_BYTES + 10]);
    oneClearLine(run("evaluate", "--rules", RULES, big.toString()), 2, "file is too large");
    assertTrue(Files.exists(pipe));
  }
}
