package redline.cases;

import java.util.List;
import redline.model.Evaluation;

/** The outcome of running one case: PASS when there is no mismatch and no rule error. */
public record CaseResult(Case testCase, Evaluation evaluation, List<Mismatch> mismatches) {
  public CaseResult {
    mismatches = List.copyOf(mismatches);
  }

  /** True when the actual outcome matches every expectation and the rules ran cleanly. */
  public boolean passed() {
    return mismatches.isEmpty() && evaluation.errors().isEmpty();
  }
}
