package redline.report;

import java.io.PrintWriter;
import redline.explore.Progress;

/**
 * A progress bar on stderr for {@code explore}, {@code nearest} and {@code bench}: shown only on a
 * terminal and only once the work has run for a second; cleared when done. {@link #cancel()}
 * (called on Ctrl-C) asks the search to stop with what it has found.
 */
public final class ExploreProgress implements Progress {
  private static final long DELAY_NANOS = 1_000_000_000L;

  private final PrintWriter err;
  private final boolean show;
  private final long start = System.nanoTime();
  private volatile boolean cancelled;
  private boolean drawn;
  private long lastDraw;

  /** A progress bar on {@code err}, drawn only when {@code show} (stderr is a terminal). */
  public ExploreProgress(PrintWriter err, boolean show) {
    this.err = err;
    this.show = show;
  }

  @Override
  public synchronized void update(String task, long done, long total) {
    long now = System.nanoTime();
    if (!show || now - start < DELAY_NANOS || now - lastDraw < 100_000_000L || total <= 0) {
      return;
    }
    lastDraw = now;
    int width = 30;
    int filled = (int) Math.min(width, width * done / total);
    long seconds = (now - start) / 1_000_000_000L;
    err.print("\r" + task + " [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + "  " + seconds + " s  (Ctrl-C stops with what was found)");
    err.flush();
    drawn = true;
  }

  @Override
  public boolean cancelled() {
    return cancelled;
  }

  /** Asks the search to stop. */
  public void cancel() {
    cancelled = true;
  }

  /** Clears the bar, if one was drawn. */
  public synchronized void done() {
    if (drawn) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
      drawn = false;
    }
  }
}
