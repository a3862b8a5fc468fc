package redline.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import redline.model.Constraint;
import redline.model.ConstraintResult;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Location;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * Evaluates proposals against a {@link RuleBook}. Each call runs one Drools session for all the
 * proposals it is given, records which rules fired for which proposal, and turns that into a
 * per-party, per-constraint result. A constraint that reads a term the proposal leaves open is
 * UNDETERMINED, whatever the rule did. Never prints; never throws for a rule's misbehaviour: a
 * rule that throws, loops or hangs becomes an error in the result. Thread-safe.
 */
public final class Evaluator {
  /** How long one batch may run before it is abandoned. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final RuleBook book;
  private final Duration timeout;

  /** An evaluator over {@code book} with the default time limit. */
  public Evaluator(RuleBook book) {
    this(book, DEFAULT_TIMEOUT);
  }

  /** An evaluator over {@code book} that abandons a batch after {@code timeout}. */
  public Evaluator(RuleBook book, Duration timeout) {
    this.book = book;
    this.timeout = timeout;
  }

  /** The rules this evaluator runs. */
  public RuleBook ruleBook() {
    return book;
  }

  /** Evaluates one proposal. */
  public Evaluation evaluate(Proposal proposal) {
    return evaluateAll(List.of(proposal)).get(0);
  }

  /** Evaluates many proposals in one session; results are in the order given. */
  public List<Evaluation> evaluateAll(List<Proposal> proposals) {
    Firings firings = fire(proposals);
    List<Evaluation> out = new ArrayList<>(proposals.size());
    for (int i = 0; i < proposals.size(); i++) {
      out.add(judge(proposals.get(i), firings.broken().get(i), firings.errors()));
    }
    return out;
  }

  /** Which constraint ids fired for each proposal, and any error met while firing. */
  public record Firings(List<Set<String>> broken, List<Diagnostic> errors) {
    public Firings {
      broken = List.copyOf(broken);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Runs the rules over {@code proposals} and returns, per proposal, the ids of the rules that
   * fired (the constraints its terms break, before open terms are taken into account).
   */
  public Firings fire(List<Proposal> proposals) {
    List<Set<String>> broken = new ArrayList<>(proposals.size());
    for (int i = 0; i < proposals.size(); i++) {
      broken.add(new HashSet<>());
    }
    List<Diagnostic> errors = new ArrayList<>();
    if (proposals.isEmpty()) {
      return new Firings(broken, errors);
    }
    Map<Object, Integer> index = new IdentityHashMap<>();
    Map<String, Integer> firedCount = new HashMap<>();
    KieSession session = book.kieBase().newKieSession();
    try {
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
              String rule = event.getMatch().getRule().getName();
              firedCount.merge(rule, 1, Integer::sum);
              for (Object o : event.getMatch().getObjects()) {
                Integer i = index.get(o);
                if (i != null) {
                  broken.get(i).add(rule);
                }
              }
            }
          });
      long limit = (long) book.constraints().size() * proposals.size() + 1;
      AtomicReference<Throwable> failure = new AtomicReference<>();
      long[] fired = new long[1];
      Thread worker =
          new Thread(
              () -> {
                try {
                  for (Proposal p : proposals) {
                    index.put(FactSchema.fact(book.factType(), p), index.size());
                  }
                  for (Map.Entry<Object, Integer> e : sortedByIndex(index)) {
                    session.insert(e.getKey());
                  }
                  fired[0] = session.fireAllRules((int) Math.min(Integer.MAX_VALUE, limit));
                } catch (Throwable t) {
                  failure.set(t);
                }
              },
              "redline-rules");
      worker.setDaemon(true);
      worker.start();
      worker.join(timeout.toMillis());
      if (worker.isAlive()) {
        session.halt();
        errors.add(
            Diagnostic.error(
                "rule-timeout",
                Location.of(book.folder()),
                "the rules did not finish within " + timeout.toSeconds() + " seconds",
                "a rule's action may loop; rule actions should stay empty"));
        return new Firings(broken, errors);
      }
      Throwable t = failure.get();
      if (t != null) {
        errors.add(failureDiagnostic(t));
      } else if (fired[0] >= limit) {
        String worst =
            firedCount.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse("?");
        errors.add(
            Diagnostic.error(
                "runaway-rule",
                book.constraint(worst).map(Constraint::at).orElse(Location.of(book.folder())),
                "rule `" + worst + "` fired " + firedCount.getOrDefault(worst, 0) + " times: it re-triggers itself",
                "a constraint's action should not modify or insert facts"));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      errors.add(Diagnostic.error("interrupted", Location.of(book.folder()), "evaluation was interrupted"));
    } finally {
      session.dispose();
    }
    return new Firings(broken, errors);
  }

  private static List<Map.Entry<Object, Integer>> sortedByIndex(Map<Object, Integer> index) {
    List<Map.Entry<Object, Integer>> entries = new ArrayList<>(index.entrySet());
    entries.sort(Map.Entry.comparingByValue());
    return entries;
  }

  private Diagnostic failureDiagnostic(Throwable t) {
    if (t instanceof ConsequenceException ce && ce.getMatch() != null) {
      String rule = ce.getMatch().getRule().getName();
      Throwable cause = ce.getCause() == null ? ce : ce.getCause();
      return Diagnostic.error(
          "rule-failed",
          book.constraint(rule).map(Constraint::at).orElse(Location.of(book.folder())),
          "rule `" + rule + "` failed while running: " + describe(cause));
    }
    return Diagnostic.error(
        "rule-failed", Location.of(book.folder()), "a rule failed while running: " + describe(t));
  }

  private static String describe(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = root.getMessage();
    return root.getClass().getSimpleName() + (msg == null ? "" : " (" + msg.lines().findFirst().orElse("") + ")");
  }

  /** Turns the rules that fired for one proposal into its evaluation. */
  Evaluation judge(Proposal proposal, Set<String> fired, List<Diagnostic> errors) {
    List<PartyResult> parties = new ArrayList<>();
    if (!errors.isEmpty()) {
      return new Evaluation(proposal, parties, errors); // no verdict from rules that failed
    }
    for (Party party : book.parties()) {
      List<ConstraintResult> results = new ArrayList<>();
      for (Constraint c : book.constraints(party.code())) {
        results.add(outcome(c, proposal, fired.contains(c.id())));
      }
      parties.add(partyResult(party, results));
    }
    return new Evaluation(proposal, parties, errors);
  }

  /** The outcome of one constraint, given whether its rule fired. */
  static ConstraintResult outcome(Constraint c, Proposal proposal, boolean fired) {
    Map<String, String> terms = new LinkedHashMap<>();
    boolean open = false;
    for (String term : c.reads()) {
      TermValue v = proposal.terms().get(term);
      if (v == null) {
        open = true;
        terms.put(term, ConstraintResult.OPEN);
      } else {
        terms.put(term, v.render());
      }
    }
    Status status = open ? Status.UNDETERMINED : fired ? Status.BROKEN : Status.SATISFIED;
    return new ConstraintResult(c, status, terms);
  }

  /** A party's verdict and preference score from its constraints' outcomes. */
  static PartyResult partyResult(Party party, List<ConstraintResult> results) {
    boolean redBroken = false;
    boolean redOpen = false;
    boolean objectionBroken = false;
    boolean objectionOpen = false;
    int score = 0;
    int max = 0;
    for (ConstraintResult r : results) {
      Kind kind = r.constraint().kind();
      if (kind == Kind.PREFERENCE) {
        max += r.constraint().weight();
        if (r.status() == Status.SATISFIED) {
          score += r.constraint().weight();
        } else if (r.status() == Status.BROKEN) {
          score -= r.constraint().weight();
        }
        continue;
      }
      switch (r.status()) {
        case BROKEN -> {
          if (kind == Kind.RED_LINE) {
            redBroken = true;
          } else {
            objectionBroken = true;
          }
        }
        case UNDETERMINED -> {
          if (kind == Kind.RED_LINE) {
            redOpen = true;
          } else {
            objectionOpen = true;
          }
        }
        case SATISFIED -> {}
      }
    }
    // INVARIANT: an open red line can hide a rejection, so it outranks a broken objection.
    Verdict verdict;
    if (redBroken) {
      verdict = Verdict.REJECTS;
    } else if (redOpen) {
      verdict = Verdict.UNDETERMINED;
    } else if (objectionBroken) {
      verdict = Verdict.OBJECTS;
    } else if (objectionOpen) {
      verdict = Verdict.UNDETERMINED;
    } else {
      verdict = Verdict.ACCEPTS;
    }
    return new PartyResult(party, verdict, score, max, results);
  }
}
