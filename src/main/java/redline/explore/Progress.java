package redline.explore;

/**
 * How a long search reports its progress and learns that the user wants it to stop. A search
 * that is cancelled returns what it found so far, marked partial.
 */
public interface Progress {
  /** No progress shown, never cancelled. */
  Progress NONE =
      new Progress() {
        @Override
        public void update(String task, long done, long total) {}

        @Override
        public boolean cancelled() {
          return false;
        }
      };

  /** {@code done} of {@code total} units of {@code task} are done. */
  void update(String task, long done, long total);

  /** True once the user asked the search to stop. */
  boolean cancelled();
}
