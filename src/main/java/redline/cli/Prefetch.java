package redline.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import redline.engine.RuleBook;

/**
 * The rules of a command, read and compiled (or taken from the compiled-rules cache) on a second
 * thread from the first moment of the process, while picocli builds its model of the command
 * line (a sixth of a cold {@code evaluate}). The folder is found from the arguments as {@link
 * Common#rulesDir} finds it; the command takes the result only when it resolves the same folder
 * and cache, and reads them itself otherwise, so a wrong guess costs only the second core's time.
 * Only with a cache ({@code -Dredline.cache}, which {@code bin/redline} sets): it is what a
 * command reads then.
 */
final class Prefetch {
  private Prefetch() {}

  /** The commands that load the rules through {@link Common#load}, and {@code check}. */
  private static final Set<String> LOADING = Set.of("evaluate", "test", "table", "brief", "compare", "explore", "nearest", "history", "check");

  /**
   * The options of these commands whose value is the next word ({@code check}'s and the common
   * ones): for {@code check}, any other word is its rules folder.
   */
  private static final Set<String> VALUED = Set.of("--rules", "--color", "--as-of", "--format", "--max-errors");

  private record Started(Path dir, Path cache, FutureTask<RuleBook.Prepared> task) {}

  private static volatile Started started;

  /** The last reading started, taken or not (for tests, which wait for it before their files go). */
  private static volatile FutureTask<RuleBook.Prepared> last;

  /** Starts reading the rules {@code args} name, when they start with a command that reads them. */
  static void start(String[] args) {
    Path cache = Common.cacheDir();
    if (args.length == 0 || !LOADING.contains(args[0]) || cache == null) {
      return;
    }
    Path option = null;
    int given = 0;
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (args[0].equals("check") && !a.startsWith("-")) {
        return; // check's folder given as a word: picocli knows which word
      }
      String value = a.startsWith("--rules=") ? a.substring("--rules=".length()) : a.equals("--rules") && i + 1 < args.length ? args[i + 1] : null;
      if (VALUED.contains(a)) {
        i++; // its value
      }
      if (value != null) {
        given++;
        try {
          option = Path.of(value);
        } catch (InvalidPathException e) {
          return; // picocli reports it
        }
      }
    }
    if (given > 1) {
      return; // picocli decides what that means
    }
    Path dir = Common.rulesDir(option);
    FutureTask<RuleBook.Prepared> task = new FutureTask<>(() -> RuleBook.prepare(dir, dir.toString(), cache));
    started = new Started(dir, cache, task);
    last = task;
    Thread t = new Thread(task, "redline-prefetch");
    t.setDaemon(true);
    t.start();
  }

  /** Waits until the last reading started has ended, taken or not. */
  static void awaitLast() {
    FutureTask<RuleBook.Prepared> t = last;
    if (t == null) {
      return;
    }
    try {
      t.get();
    } catch (ExecutionException e) {
      // it ended
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The rules folder {@code dir} read and compiled by {@link RuleBook#prepare}{@code (dir,
   * dir.toString(), cache)}, when it was started for exactly these; null otherwise (and the caller
   * reads it).
   */
  static RuleBook.Prepared take(Path dir, Path cache) {
    Started s = started;
    started = null;
    if (s == null || cache == null || !s.dir().equals(dir) || !s.cache().equals(cache)) {
      return null;
    }
    try {
      return s.task().get();
    } catch (ExecutionException e) {
      return null; // prepare reports problems as data: anything else is reported when the caller reads again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
