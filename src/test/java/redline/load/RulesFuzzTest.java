package redline.load;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;

/**
 * Mutated rules folders (the mini rules' DRL and YAML, cut, spliced and salted with DRL and
 * YAML constructs and bad bytes, from a fixed seed): every run ends within a bound with a clean
 * result or located errors, never a stack trace, an internal error or a hang.
 */
class RulesFuzzTest {
  static final Path MINI = Path.of("src/test/resources/mini/rules");
  static final String PROPOSAL = "src/test/resources/mini/proposals/complete.json";
  static final int ROUNDS = 150;

  static final List<String> DRL_SALT =
      List.of(
          "then System.exit(0);", "salience 10", "enabled false", "no-loop", "@", "\"", "(", ")", "end", "rule \"AA-09\"", "when",
          "exists", "not", "eval(true)", "import java.io.File;", "function void f() {}", "global java.util.List g;", "query q() end",
          "declare X end", "||", "&&", "==", "in (\"OPEN\")", "memberOf", "from", "accumulate", "$p :", "Proposal( )",
          "\u0000", "\u001b[2J", "\n", "@title(x)", "@asOf(\"2025-02-30\")", "modify($p) {}", "package x;", "then", "/*", "*/", "//",
          "army_cap > 99999999999", "Limit.NONE", "this", "alliance.length()", "\"\\u0041\"", "\\", "dialect \"java\"");

  static final List<String> YAML_SALT =
      List.of(
          ":", "- ", "&a", "*a", "!!java.lang.Object", "{", "}", "[", "]", "\"", "'", "\t", "\n", "  ", "kind: set", "kind: number",
          "flags:\n      this: x", "options: {}", "values: [-1, 2.5]", "file: ../x.drl", "this:", "class:", "\u0000", "\u001b", "~",
          "null", "<<: *a", "? complex", "%YAML 1.1", "---", "...");

  @Test
  void mutatedRulesFoldersFailCleanly(@TempDir Path tmp) throws Exception {
    Random random = new Random(20261202L);
    String alpha = Files.readString(MINI.resolve("alpha.drl"));
    String beta = Files.readString(MINI.resolve("beta.drl"));
    String vocabulary = Files.readString(MINI.resolve("vocabulary.yaml"));
    for (int round = 0; round < ROUNDS; round++) {
      Path dir = Files.createDirectories(tmp.resolve("r" + round));
      int target = random.nextInt(3);
      write(dir.resolve("alpha.drl"), target == 0 ? mutate(alpha, DRL_SALT, random) : alpha, random, target == 0);
      write(dir.resolve("beta.drl"), target == 1 ? mutate(beta, DRL_SALT, random) : beta, random, target == 1);
      write(dir.resolve("vocabulary.yaml"), target == 2 ? mutate(vocabulary, YAML_SALT, random) : vocabulary, random, target == 2);
      String shown = dir.toString();
      Cli r = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Cli.run("evaluate", "--rules", shown, "--color", "never", PROPOSAL));
      String where = "round " + round + " (" + dir + ")\n" + r.transcript();
      assertTrue(r.exit() >= 0 && r.exit() <= 3, where);
      assertFalse(r.err().contains("\tat ") || r.err().contains("internal error") || r.err().contains("Exception"), where);
      if (r.exit() == 3) {
        for (String line : r.err().lines().toList()) {
          if (line.contains("error [")) {
            assertTrue(line.startsWith(shown), "an error without its file: " + line + "\n" + where);
          }
        }
      }
    }
  }

  /** Writes {@code text}, sometimes with a byte that is not UTF-8 when {@code mutated}. */
  static void write(Path file, String text, Random random, boolean mutated) throws Exception {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (mutated && bytes.length > 0 && random.nextInt(12) == 0) {
      bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
    }
    Files.write(file, bytes);
  }

  /** One to four edits: cut a span, duplicate or swap lines, insert a salt, truncate. */
  static String mutate(String text, List<String> salt, Random random) {
    String s = text;
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !s.isEmpty(); e++) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(5)) {
        case 0 -> s = s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + random.nextInt(20)));
        case 1 -> s = s.substring(0, at) + salt.get(random.nextInt(salt.size())) + s.substring(at);
        case 2 -> {
          List<String> lines = new ArrayList<>(s.lines().toList());
          int i = random.nextInt(lines.size());
          lines.add(random.nextInt(lines.size()), lines.get(i));
          s = String.join("\n", lines) + "\n";
        }
        case 3 -> {
          List<String> lines = new ArrayList<>(s.lines().toList());
          java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
          s = String.join("\n", lines) + "\n";
        }
        default -> s = random.nextInt(4) == 0 ? s.substring(0, at) : s.substring(0, at) + " " + salt.get(random.nextInt(salt.size())) + " " + s.substring(at);
      }
    }
    return s;
  }
}
