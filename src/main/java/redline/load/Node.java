package redline.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redline.model.Location;

/**
 * A JSON or YAML value with the place it was read from, so that every problem found in it can be
 * reported at its file, line, column and JSON pointer. Immutable.
 *
 * @param value a String, Boolean, Long, Double or null for scalars; null for objects and arrays
 */
public record Node(
    Type type, Object value, Map<String, Node> fields, List<Node> items, Location at) {

  /** The JSON type of a node. */
  public enum Type {
    OBJECT,
    ARRAY,
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL;

    /** The word for this type in messages, e.g. {@code an object}. */
    public String word() {
      return switch (this) {
        case OBJECT -> "an object";
        case ARRAY -> "a list";
        case STRING -> "a string";
        case INTEGER -> "a whole number";
        case DECIMAL -> "a decimal number";
        case BOOLEAN -> "true or false";
        case NULL -> "null";
      };
    }
  }

  public Node {
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    items = List.copyOf(items);
  }

  /** True when this node is of type {@code t}. */
  public boolean is(Type t) {
    return type == t;
  }

  /** The string value; only for STRING nodes. */
  public String text() {
    return (String) value;
  }

  /** A short rendering of a scalar for messages. */
  public String show() {
    return switch (type) {
      case OBJECT -> "{...}";
      case ARRAY -> "[...]";
      case NULL -> "null";
      default -> String.valueOf(value);
    };
  }
}
