package redline.engine;

/**
 * What a condition the closed subset refuses (a method call) could do, for the tests that build a
 * rule book past the reader: fail, or take too long. Public, so that the rules engine can call it.
 */
public final class Hostile {
  private Hostile() {}

  /** Always throws. */
  public static boolean fail() {
    throw new IllegalStateException("deliberate");
  }

  /** Sleeps for {@code ms} milliseconds, then says true. */
  public static boolean sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }
}
