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

  Memo(CompiledCache cache, String key) {
    this.cache = cache;
    this.key = key;
  }

  /** The value stored as {@code name}, when there is one of type {@code type}. */
  public <T> Optional<T> read(String name, Class<T> type) {
    if (cache == null) {
      return Optional.empty();
    }
    return cache.readSide(key, name).filter(type::isInstance).map(type::cast);
  }

  /** Keeps {@code value} as {@code name}, replacing what was kept. */
  public void write(String name, Serializable value) {
    if (cache != null) {
      cache.writeSide(key, name, value);
    }
  }
}
