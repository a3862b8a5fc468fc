package redline.engine;

import java.io.Serializable;
import java.util.Optional;

/**
 * Values computed from one rules folder, kept on disk beside its compiled rules and keyed by the
 * same content (the text of the vocabulary and the rule files, the Drools version and the Redline
 * build), so that a later process over the same rules can take them instead of computing them
 * again. A folder loaded without the cache, or with any problem, has {@link #NONE}, which keeps
 * nothing. Whatever cannot be read or written is silently recomputed.
 */
public final class Memo {
  /** The memo of rules that are not cached: reads nothing, keeps nothing. */
  public static final Memo NONE = new Memo(null, "");

  private final CompiledCache cache;
  private final String key;
  /** What was read or written in this process, by name: read from disk once. */
  private final java.util.concurrent.ConcurrentHashMap<String, Optional<Object>> seen = new java.util.concurrent.ConcurrentHashMap<>();

  Memo(CompiledCache cache, String key) {
    this.cache = cache;
    this.key = key;
  }

  /**
   * The value stored as {@code name}, when there is one of type {@code type}: read from disk the
   * first time, then the same object (callers must not modify it).
   */
  public <T> Optional<T> read(String name, Class<T> type) {
    if (cache == null) {
      return Optional.empty();
    }
    return seen.computeIfAbsent(name, n -> cache.readSide(key, n)).filter(type::isInstance).map(type::cast);
  }

  /** Keeps {@code value} as {@code name}, replacing what was kept (callers must not modify it after). */
  public void write(String name, Serializable value) {
    if (cache != null) {
      seen.put(name, Optional.of(value));
      cache.writeSide(key, name, value);
    }
  }
}
