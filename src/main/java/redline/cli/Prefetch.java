package redline.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import redline.engine.RuleBook;
import redline.engine.RulesException;

/**
 * The rules of a command, loaded on a second thread from the first moment of the process, while
 * picocli builds its model of the command line (a sixth of a cold {@code evaluate}). The folder
 * is found from the arguments as {@link Common#rulesDir} finds it; the command takes the result
 * only when it resolves the same folder and cache, and loads them itself otherwise, so a wrong
 * guess costs only the second core's time.
 */
final class Prefetch {
  private Prefetch() {}

  /** The commands that load the rules through {@link Common#load}. */
  private static final Set<String> LOADING = Set.of("evaluate", "test", "table", "brief", "compare", "explore", "nearest", "history");

  private record Started(Path dir, Path cache, FutureTask<RuleBook> task) {}

  private static volatile Started started;

  /** Loads the rules as {@link Common#load} would. */
  static RuleBook load(Path dir, Path cache) throws RulesException {
    return cache == null ? RuleBook.load(dir, dir.toString()) : RuleBook.load(dir, dir.toString(), cache);
  }

  /** Starts loading the rules {@code args} name, when they start with a command that loads them. */
  static void start(String[] args) {
    if (args.length == 0 || !LOADING.contains(args[0])) {
      return;
    }
    Path option = null;
    int given = 0;
    for (int i = 1; i < args.length; i++) {
      String value = args[i].startsWith("--rules=") ? args[i].substring("--rules=".length()) : args[i].equals("--rules") && i + 1 < args.length ? args[++i] : null;
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
    Path cache = Common.cacheDir();
    FutureTask<RuleBook> task = new FutureTask<>(() -> load(dir, cache));
    started = new Started(dir, cache, task);
    Thread t = new Thread(task, "redline-prefetch");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The rules loaded for {@code dir} and {@code cache}, when they were started for exactly these;
   * null otherwise (and the caller loads them).
   *
   * @throws RulesException when they failed to load
   */
  static RuleBook take(Path dir, Path cache) throws RulesException {
    Started s = started;
    started = null;
    if (s == null || !s.dir().equals(dir) || !Objects.equals(s.cache(), cache)) {
      return null;
    }
    try {
      return s.task().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RulesException r) {
        throw r;
      }
      return null; // anything else: load again, on this thread, where it is reported
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
