package redline.explore;

import redline.analysis.Space;
import redline.analysis.Table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import redline.engine.Evaluator;
import redline.engine.RuleBook;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Limit;
import redline.model.Proposal;
import redline.model.TermValue;

/**
 * A number class shown as a range stands for every number in it: the engine decides every
 * constraint alike at the range's ends, one inside and the value shown (the oracle is the rules
 * engine itself, evaluating each number).
 */
class RangesTest {
  static final Pattern PART = Pattern.compile("([0-9][0-9,]*)( to ([0-9][0-9,]*)| or more)?");

  @Test
  void everyNumberOfARangeIsDecidedLikeItsValue() throws Exception {
    RuleBook book = RuleBook.load(Path.of("rules"));
    Evaluator evaluator = new Evaluator(book);
    Space space = Space.of(evaluator);
    Ranges ranges = Ranges.of(space);
    assertFalse(ranges.text().isEmpty());
    int checked = 0;
    for (Map.Entry<String, Map<TermValue, String>> term : ranges.text().entrySet()) {
      for (Map.Entry<TermValue, String> e : term.getValue().entrySet()) {
        TermValue.Number shown = (TermValue.Number) e.getKey();
        List<TermValue> probes = new ArrayList<>();
        for (String part : e.getValue().replace(", or NONE", " or NONE").split(", ")[0].split(" or (?=[0-9N])")) {
          if (part.equals("NONE")) {
            probes.add(new TermValue.Number(Limit.NONE, shown.flags()));
            continue;
          }
          Matcher m = PART.matcher(part);
          assertTrue(m.matches(), e.getValue());
          int lo = Integer.parseInt(m.group(1).replace(",", ""));
          int hi = m.group(3) != null ? Integer.parseInt(m.group(3).replace(",", "")) : m.group(2) != null ? Limit.NONE - 1 : lo;
          for (int n : new int[] {lo, lo + (hi - lo) / 2, hi}) {
            probes.add(new TermValue.Number(n, shown.flags()));
          }
        }
        List<String> expected = statuses(evaluator, term.getKey(), shown);
        for (TermValue p : probes) {
          assertEquals(expected, statuses(evaluator, term.getKey(), p), term.getKey() + " = " + p.render() + " in `" + e.getValue() + "` (shown for " + shown.render() + ")");
          checked++;
        }
      }
    }
    assertTrue(checked > 10, "checked " + checked);
  }

  private static List<String> statuses(Evaluator evaluator, String term, TermValue v) {
    Evaluation e = evaluator.evaluate(Proposal.of("probe", Map.of(term, v)));
    List<String> out = new ArrayList<>();
    e.parties().forEach(r -> r.constraints().stream()
        .filter(c -> c.terms().containsKey(term))
        .map(ConstraintResult::status)
        .forEach(s -> out.add(s.name())));
    return out;
  }
}
