package redline.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import redline.model.Diagnostic;
import redline.model.Vocabulary;

/** Small helpers that read typed fields from a {@link Node} and report what is wrong. */
final class Fields {
  private final List<Diagnostic> found;

  Fields(List<Diagnostic> found) {
    this.found = found;
  }

  /** Reports keys of {@code object} that are not in {@code allowed}. */
  void onlyKnown(Node object, Collection<String> allowed, String what) {
    for (var e : object.fields().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        found.add(
            Diagnostic.error(
                "unknown-field",
                e.getValue().at(),
                "unknown field `" + e.getKey() + "` in " + what,
                hintOr(Vocabulary.didYouMean(e.getKey(), allowed), "expected one of " + list(allowed))));
      }
    }
  }

  /** A string field; reports a missing required field or a wrong type. */
  Optional<String> string(Node object, String key, boolean required, String what) {
    Node n = object.fields().get(key);
    if (n == null) {
      if (required) {
        found.add(
            Diagnostic.error(
                "missing-field", object.at(), what + " has no `" + key + "` field"));
      }
      return Optional.empty();
    }
    if (!n.is(Node.Type.STRING)) {
      found.add(wrongType(n, "`" + key + "`", "a string"));
      return Optional.empty();
    }
    return Optional.of(n.text());
  }

  /** A list of strings; a single string is accepted as a list of one. */
  List<String> strings(Node object, String key) {
    Node n = object.fields().get(key);
    List<String> out = new ArrayList<>();
    if (n == null || n.is(Node.Type.NULL)) {
      return out;
    }
    if (n.is(Node.Type.STRING)) {
      out.add(n.text());
      return out;
    }
    if (!n.is(Node.Type.ARRAY)) {
      found.add(wrongType(n, "`" + key + "`", "a list of strings"));
      return out;
    }
    for (Node item : n.items()) {
      if (item.is(Node.Type.STRING)) {
        out.add(item.text());
      } else {
        found.add(wrongType(item, "an item of `" + key + "`", "a string"));
      }
    }
    return out;
  }

  /** A diagnostic for a value of the wrong JSON type. */
  static Diagnostic wrongType(Node n, String what, String expected) {
    return Diagnostic.error(
        "wrong-type",
        n.at(),
        what + " must be " + expected + ", not " + n.type().word() + " (`" + n.show() + "`)");
  }

  /** Renders names as {@code `a`, `b`, `c`}. */
  static String list(Collection<String> names) {
    List<String> quoted = new ArrayList<>();
    for (String n : names) {
      quoted.add("`" + n + "`");
    }
    return String.join(", ", quoted);
  }

  static String hintOr(String hint, String otherwise) {
    return hint.isEmpty() ? otherwise : hint;
  }

  static final Set<String> NONE = Set.of();
}
