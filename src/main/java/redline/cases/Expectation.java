package redline.cases;

import java.util.List;
import java.util.Map;
import java.util.Set;
import redline.model.Location;
import redline.model.Status;
import redline.model.Verdict;

/**
 * What a case expects of one party: its verdict, optionally the constraints expected with each
 * status, and the party's real reaction in words (for readers; not checked).
 */
public record Expectation(
    String party, Verdict verdict, Map<Status, Set<String>> constraints, String reaction, Location at) {
  public Expectation {
    constraints = Map.copyOf(constraints);
    reaction = reaction == null ? "" : reaction;
  }

  /** The constraint ids expected with {@code status}. */
  public Set<String> ids(Status status) {
    return constraints.getOrDefault(status, Set.of());
  }

  /** Every constraint id listed, in any status. */
  public List<String> allIds() {
    return constraints.values().stream().flatMap(Set::stream).sorted().toList();
  }
}
