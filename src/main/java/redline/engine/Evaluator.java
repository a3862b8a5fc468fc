package redline.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.drools.core.common.InternalFactHandle;
import org.drools.core.common.InternalWorkingMemory;
import org.drools.core.rule.consequence.InternalMatch;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Evaluation;
import redline.model.Kind;
import redline.model.Location;
import redline.model.Outcomes;
import redline.model.Party;
import redline.model.Positions;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.Status;
import redline.model.TermValue;
import redline.model.Verdict;

/**
 * Evaluates proposals against a {@link RuleBook}. Each call runs Drools sessions for the
 * proposals it is given, records which rules matched which proposal (a match is a broken
 * constraint; nothing is fired, since actions are empty), and turns that into a per-party,
 * per-constraint result. A constraint that reads a term the proposal leaves open is decided over
 * the completions of those terms (see {@link #evaluateAll}). Never prints; never throws for a rule's misbehaviour: a
 * rule whose condition throws or hangs becomes an error in the result. Thread-safe.
 */
public final class Evaluator {
  /** How long one batch may run before it is abandoned (when matching is not bounded). */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

  private final RuleBook book;
  private final Duration timeout;
  /** The party constraints, then the coherence rules: slot {@code i} is rule {@code rules.get(i)}. */
  private final List<Constraint> rules;
  private final int firstCoherence;
  private final List<String> ids;
  private final Map<String, Integer> slots;
  private final List<List<Integer>> partySlots;
  /** Each party's constraints, as {@code partySlots} orders them: shared by all its outcomes. */
  private final List<List<Constraint>> partyConstraints;

  /** An evaluator over {@code book} with the default time limit. */
  public Evaluator(RuleBook book) {
    this(book, DEFAULT_TIMEOUT);
  }

  /**
   * An evaluator over {@code book} that abandons a batch after {@code timeout}. The limit applies
   * to rules whose matching is not bounded ({@link RuleBook#bounded()} false: rules built past
   * the reader); bounded matching always finishes and runs on the caller's thread.
   */
  public Evaluator(RuleBook book, Duration timeout) {
    this.book = book;
    this.timeout = timeout;
    List<Constraint> all = new ArrayList<>(book.constraints());
    all.addAll(book.coherence());
    this.rules = List.copyOf(all);
    this.firstCoherence = book.constraints().size();
    this.ids = List.copyOf(rules.stream().map(Constraint::id).toList()); // copied once, not by each Firings
    Map<String, BitSet> reading = new LinkedHashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      for (String term : rules.get(i).reads()) {
        reading.computeIfAbsent(term, t -> new BitSet()).set(i);
      }
    }
    this.readers = List.copyOf(reading.entrySet());
    Map<String, Integer> s = new HashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      s.put(ids.get(i), i);
    }
    this.slots = Map.copyOf(s);
    List<List<Integer>> byParty = new ArrayList<>();
    this.withRules = book.parties();
    this.positions = new Positions(book.day(), book.isLatest());
    for (Party party : withRules) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        if (rules.get(i).party().equals(party.code())) {
          members.add(i);
        }
      }
      byParty.add(List.copyOf(members));
    }
    this.partySlots = List.copyOf(byParty);
    this.partyConstraints = byParty.stream().map(members -> members.stream().map(rules::get).toList()).toList();
    this.slotByNode = new int[book.kieBase() instanceof org.drools.core.impl.InternalRuleBase base ? base.getNodeCount() : 0];
  }

  /** For each term some rule reads, the slots of the rules that read it. */
  private final List<Map.Entry<String, BitSet>> readers;

  /** The slots of the rules that read a term {@code proposal} leaves open. */
  private BitSet openSlots(Proposal proposal) {
    BitSet open = new BitSet(rules.size());
    for (Map.Entry<String, BitSet> e : readers) {
      if (!proposal.terms().containsKey(e.getKey())) {
        open.or(e.getValue());
      }
    }
    return open;
  }

  /**
   * Each rule's slot by the id of its terminal node, shared by every session of the rule base:
   * slot plus one, -1 for a rule not in force on the book's day, 0 for not looked up yet.
   */
  private final int[] slotByNode;

  /** The positions this evaluator judges against: the day of its rule book. */
  public Positions positions() {
    return positions;
  }

  /** The parties with constraints, in vocabulary order, as {@code partySlots} holds them. */
  private final List<Party> withRules;

  private final Positions positions;

  /** The rules this evaluator runs. */
  public RuleBook ruleBook() {
    return book;
  }

  /** Evaluates one proposal. */
  public Evaluation evaluate(Proposal proposal) {
    return evaluateAll(List.of(proposal)).get(0);
  }

  /**
   * Evaluates many proposals, in sessions of up to {@link #CHUNK} proposals (one per core at a time); results are in the
   * order given. A proposal on which a rule fails gets that error and no verdict; the others
   * keep theirs. A constraint that reads a term the proposal leaves open is decided over every
   * completion of its open terms (each value of their domains, decided by Drools): BROKEN or
   * SATISFIED when every completion agrees, UNDETERMINED only when some completion breaks it and
   * another satisfies it.
   */
  public List<Evaluation> evaluateAll(List<Proposal> proposals) {
    Firings firings = fire(proposals);
    List<Map<Integer, Status>> decided = complete(proposals, firings);
    List<Evaluation> out = new ArrayList<>(proposals.size());
    for (int i = 0; i < proposals.size(); i++) {
      Map<Integer, Status> open = decided.get(i);
      out.add(judge(proposals.get(i), firings.fired().get(i), open, firings.errors(i)));
    }
    return out;
  }

  /**
   * Evaluates {@code proposals} as they come, in sessions of up to {@link #CHUNK}, handing each
   * evaluation to {@code each} in order: as {@link #evaluateAll}, but holding no more than one
   * session's proposals and results per core at a time, so a batch of any size runs in bounded memory
   * (when {@code each} keeps nothing).
   */
  public void evaluateEach(Iterable<Proposal> proposals, java.util.function.Consumer<Evaluation> each) {
    int size = CHUNK * PARALLEL; // a session for each core
    List<Proposal> chunk = new ArrayList<>(size);
    for (Proposal p : proposals) {
      chunk.add(p);
      if (chunk.size() == size) {
        evaluateAll(chunk).forEach(each);
        chunk.clear();
      }
    }
    if (!chunk.isEmpty()) {
      evaluateAll(chunk).forEach(each);
    }
  }

  /**
   * The most completions of one constraint's open terms tried for one proposal; beyond it the
   * constraint stays UNDETERMINED (a conservative answer, never a wrong one).
   */
  static final int MAX_COMPLETIONS = 4096;

  /** The value domains of the terms, computed once: what a completion of an open term ranges over. */
  private volatile Map<String, List<TermValue>> domains;

  /** The values each term ranges over ({@link Domains#of(RuleBook)}), computed once. */
  public Map<String, List<TermValue>> domains() {
    Map<String, List<TermValue>> d = domains;
    if (d == null) {
      d = Collections.unmodifiableMap(Domains.of(book));
      domains = d;
    }
    return d;
  }

  /** The probes of one proposal that complete one set of open terms, and the constraints they decide. */
  private record Completion(int proposal, List<Integer> slots, int start, int count) {}

  /**
   * {@code open} with the open terms of every coherence rule linked to them (directly or through
   * other coherence rules), in vocabulary order: completing those too, a completion that cannot
   * exist is recognised as such, so that only completions that can exist decide a constraint.
   */
  private List<String> linkedOpen(Proposal p, List<String> open) {
    java.util.Set<String> linked = new java.util.HashSet<>(open);
    for (boolean grew = true; grew; ) {
      grew = false;
      for (int slot = firstCoherence; slot < rules.size(); slot++) {
        java.util.Set<String> reads = rules.get(slot).reads();
        if (reads.stream().anyMatch(linked::contains)) {
          for (String term : reads) {
            if (!p.terms().containsKey(term) && linked.add(term)) {
              grew = true;
            }
          }
        }
      }
    }
    if (linked.size() == open.size()) {
      return List.copyOf(open);
    }
    return book.vocabulary().terms().keySet().stream().filter(linked::contains).toList();
  }

  /**
   * For each proposal, the status of every constraint whose open terms all completions decide
   * alike, by slot. Constraints with the same open terms share their completions.
   */
  private List<Map<Integer, Status>> complete(List<Proposal> proposals, Firings firings) {
    List<Map<Integer, Status>> out = new ArrayList<>(proposals.size());
    List<Proposal> probes = new ArrayList<>();
    List<Completion> completions = new ArrayList<>();
    List<Constraint> constraints = rules;
    Map<String, List<TermValue>> domains = domains();
    for (int i = 0; i < proposals.size(); i++) {
      out.add(new HashMap<>());
      Proposal p = proposals.get(i);
      if (p.terms().size() == book.vocabulary().terms().size() || firings.failed(i)) {
        continue; // nothing open, or the rules failed on it: no verdict to refine
      }
      Map<List<String>, List<Integer>> byOpen = new LinkedHashMap<>();
      for (int slot = 0; slot < constraints.size(); slot++) {
        List<String> open = new ArrayList<>();
        for (String term : constraints.get(slot).reads()) {
          if (!p.terms().containsKey(term) && domains.containsKey(term)) {
            open.add(term);
          }
        }
        if (!open.isEmpty()) {
          byOpen.computeIfAbsent(linkedOpen(p, open), k -> new ArrayList<>()).add(slot);
        }
      }
      for (Map.Entry<List<String>, List<Integer>> e : byOpen.entrySet()) {
        List<String> open = e.getKey();
        long count = 1;
        for (String term : open) {
          count *= domains.get(term).size();
          if (count > MAX_COMPLETIONS) {
            break;
          }
        }
        if (count > MAX_COMPLETIONS) {
          continue;
        }
        int start = probes.size();
        int[] at = new int[open.size()];
        for (long n = 0; n < count; n++) {
          Map<String, TermValue> terms = new LinkedHashMap<>(p.terms());
          for (int k = 0; k < open.size(); k++) {
            terms.put(open.get(k), domains.get(open.get(k)).get(at[k]));
          }
          probes.add(Proposal.of(p.id(), terms));
          for (int k = open.size() - 1; k >= 0 && ++at[k] == domains.get(open.get(k)).size(); k--) {
            at[k] = 0;
          }
        }
        completions.add(new Completion(i, e.getValue(), start, (int) count));
      }
    }
    if (probes.isEmpty()) {
      return out;
    }
    Firings pf = fire(probes);
    // a completion that holds a combination no proposal can hold is no completion at all
    boolean[] impossible = new boolean[probes.size()];
    for (int k = 0; k < probes.size(); k++) {
      impossible[k] = !incoherent(pf.fired().get(k), openSlots(probes.get(k))).isEmpty();
    }
    for (Completion c : completions) {
      boolean failed = false;
      for (int k = c.start(); k < c.start() + c.count(); k++) {
        failed |= pf.failed(k);
      }
      if (failed) {
        continue; // a rule failed on some completion: those constraints stay undetermined
      }
      for (int slot : c.slots()) {
        int broken = 0;
        int possible = 0;
        for (int k = c.start(); k < c.start() + c.count(); k++) {
          // a coherence rule is judged over every completion, possible or not
          if (slot >= firstCoherence || !impossible[k]) {
            possible++;
            broken += pf.fired().get(k).get(slot) ? 1 : 0;
          }
        }
        if (possible == 0) {
          continue;
        }
        if (broken == possible) {
          out.get(c.proposal()).put(slot, Status.BROKEN);
        } else if (broken == 0) {
          out.get(c.proposal()).put(slot, Status.SATISFIED);
        }
      }
    }
    return out;
  }

  /**
   * A session that has been given this many proposals is discarded after its attempt. Until then
   * it goes back to the pool with its earlier facts still in it, when its rules are bounded (each
   * reads one {@code Proposal} fact, so earlier facts create no match for later ones, and a match
   * is recorded only for a fact of the attempt that inserted it): taking the facts out again cost
   * a third of a single evaluation, a new session every 64 proposals far less.
   */
  static final int DISCARD_FROM = 64;

  /**
   * How many proposals share one Drools session. Small enough that a young collection rarely
   * finds a session's network memory alive (firing 100,000 proposals with the serial collector:
   * 1024 spent 2.4 s in collections, 256 0.8 s), large enough that a session's start is shared.
   */
  public static final int CHUNK = 256;

  /** How many sessions of one batch run at the same time: one per core. */
  static final int PARALLEL = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** After this many proposals timed out on their own, the rest of a failing session are not retried. */
  static final int MAX_TIMEOUTS = 2;

  /**
   * Which rules fired for each proposal, as bits indexed like {@code ids} (the rule book's
   * constraints, in order), and the errors met while firing: per proposal ({@code failures},
   * empty for a proposal whose rules ran), and all of them ({@code errors}).
   */
  public record Firings(List<String> ids, Map<String, Integer> slots, List<BitSet> fired, List<Diagnostic> errors, List<List<Diagnostic>> failures) {
    public Firings {
      ids = List.copyOf(ids);
      slots = Map.copyOf(slots);
      fired = List.copyOf(fired);
      errors = List.copyOf(errors);
      failures = failures.stream().map(List::copyOf).toList();
    }

    /** True when the rule of constraint {@code id} fired for proposal {@code proposal}. */
    public boolean broke(int proposal, String id) {
      Integer slot = slots.get(id);
      return slot != null && fired.get(proposal).get(slot);
    }

    /** True when the rules failed on proposal {@code proposal}: its bits mean nothing. */
    public boolean failed(int proposal) {
      return !failures.get(proposal).isEmpty();
    }

    /** The errors met on proposal {@code proposal}. */
    public List<Diagnostic> errors(int proposal) {
      return failures.get(proposal);
    }

    /** The ids of the rules that fired for proposal {@code proposal}, in rule-book order. */
    public Set<String> broken(int proposal) {
      Set<String> out = new LinkedHashSet<>();
      BitSet bits = fired.get(proposal);
      for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
        out.add(ids.get(i));
      }
      return out;
    }

    /** {@link #broken(int)} for every proposal. */
    public List<Set<String>> broken() {
      List<Set<String>> out = new ArrayList<>(fired.size());
      for (int i = 0; i < fired.size(); i++) {
        out.add(broken(i));
      }
      return out;
    }
  }

  /**
   * Runs the rules over {@code proposals} and returns, per proposal, the rules that fired (the
   * constraints its terms break, before open terms are taken into account). Proposals run in
   * sessions of up to {@link #CHUNK}; when a session fails (a rule's
   * condition throws), its proposals are split and run again until the failing ones stand alone, so one
   * failing proposal never takes the others down. The time limit is per proposal: a session
   * that runs out of time is retried one proposal at a time, each with the full limit.
   */
  public Firings fire(List<Proposal> proposals) {
    int n = proposals.size();
    List<BitSet> fired = new ArrayList<>(n);
    List<List<Diagnostic>> failures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      fired.add(new BitSet(ids.size()));
      failures.add(new ArrayList<>());
    }
    java.util.concurrent.atomic.AtomicInteger timeouts = new java.util.concurrent.atomic.AtomicInteger();
    // the sessions of a large batch run side by side, one per core: each runner takes the next
    // session's proposals until none are left, and writes only its own proposals' entries
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    Runnable runner =
        () -> {
          for (int from = next.getAndAdd(CHUNK); from < n; from = next.getAndAdd(CHUNK)) {
            run(proposals, from, Math.min(n, from + CHUNK), fired, failures, timeouts);
          }
        };
    int sessions = (n + CHUNK - 1) / CHUNK;
    List<java.util.concurrent.Future<?>> helpers = new ArrayList<>();
    for (int k = 1; k < Math.min(sessions, PARALLEL); k++) {
      helpers.add(WORKERS.submit(runner));
    }
    runner.run();
    for (java.util.concurrent.Future<?> helper : helpers) {
      join(helper);
    }
    Set<Diagnostic> all = new LinkedHashSet<>();
    failures.forEach(all::addAll);
    return new Firings(ids, slots, fired, new ArrayList<>(all), failures);
  }

  /**
   * Waits for a runner of {@link #fire}'s sessions. A runner records every failure of the rules
   * as its proposals' errors, so one that throws is a fault of this class: it is passed on.
   */
  private static void join(java.util.concurrent.Future<?> helper) {
    boolean interrupted = false;
    while (true) {
      try {
        helper.get();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the helper ends on its own: its attempts have their time limit
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Runs proposals {@code from} to {@code to}, isolating the ones the rules fail on. */
  private void run(List<Proposal> proposals, int from, int to, List<BitSet> fired, List<List<Diagnostic>> failures, java.util.concurrent.atomic.AtomicInteger timeouts) {
    Attempt a = attempt(proposals.subList(from, to));
    if (a.error == null) {
      for (int i = from; i < to; i++) {
        fired.set(i, a.fired.get(i - from));
      }
      return;
    }
    if (to - from == 1) {
      failures.get(from).add(a.error);
      if (a.timedOut) {
        timeouts.incrementAndGet();
      }
      return;
    }
    if (a.timedOut) {
      // one at a time, each with the whole limit; after a few proposals that time out alone,
      // the rest of this session are reported, not retried for ever
      for (int i = from; i < to; i++) {
        if (timeouts.get() >= MAX_TIMEOUTS) {
          failures.get(i).add(
              Diagnostic.error(
                  "rule-timeout",
                  Location.of(book.folder()),
                  "proposal not evaluated: the rules timed out on " + timeouts.get() + " proposals of the same batch",
                  "a rule may loop; evaluate this proposal on its own"));
        } else {
          run(proposals, i, i + 1, fired, failures, timeouts);
        }
      }
      return;
    }
    int mid = (from + to) >>> 1;
    run(proposals, from, mid, fired, failures, timeouts);
    run(proposals, mid, to, fired, failures, timeouts);
  }

  /** What one session produced: the bits per proposal, or the error that stopped it. */
  private record Attempt(List<BitSet> fired, Diagnostic error, boolean timedOut) {}

  /**
   * A session kept between attempts, with the listener that records its matches into whatever
   * attempt is running in it. Only the worker running an attempt touches it.
   */
  private final class Pooled {
    final KieSession session = book.kieBase().newKieSession();
    List<BitSet> fired;
    FactIndex index;

    Pooled() {
      // Rule actions are empty by contract (the reader refuses any other), so nothing needs to
      // fire: each match is recorded when Drools creates it, and nothing is fired (see below).
      // The listener runs once per match, so it avoids allocation and hashing: a slot lookup by
      // the id of the rule's terminal node (once its name was looked up) and a bit.
      session.addEventListener(
          new DefaultAgendaEventListener() {
            @Override
            public void matchCreated(MatchCreatedEvent event) {
              if (index == null) {
                return; // taking facts out creates no match
              }
              Match match = event.getMatch();
              int slot = slotOf(match);
              if (slot < 0) {
                return; // not in force on the book's day
              }
              int i = index.of(match);
              if (i >= 0) {
                fired.get(i).set(slot);
              }
            }
          });
    }

    private int slotOf(Match match) {
      if (!(match instanceof InternalMatch internal) || internal.getTerminalNode() == null) {
        return slots.getOrDefault(match.getRule().getName(), -1);
      }
      int node = internal.getTerminalNode().getId();
      if (node >= slotByNode.length) {
        return slots.getOrDefault(match.getRule().getName(), -1);
      }
      int stored = slotByNode[node];
      if (stored == 0) {
        // a race with another session writes the same value: the array is a cache, never wrong
        stored = slots.getOrDefault(match.getRule().getName(), -1) + 1;
        stored = stored == 0 ? -1 : stored;
        slotByNode[node] = stored;
      }
      return stored < 0 ? -1 : stored - 1;
    }

    /** How many proposals this session has been given, in all its attempts. */
    int given;

    /**
     * Inserts {@code batch} and records its matches. Returns true when the session can take
     * another attempt, false when it is spent (it has been given {@link #DISCARD_FROM} proposals).
     * A session of rules built past the reader ({@link RuleBook#bounded()} false), whose
     * conditions might look at other facts, has the facts taken out again instead.
     */
    boolean run(List<Proposal> batch, List<BitSet> into) {
      fired = into;
      index = new FactIndex();
      given += batch.size();
      List<FactHandle> handles = new ArrayList<>(batch.size());
      for (Proposal p : batch) {
        FactHandle h = session.insert(FactSchema.fact(book.factType(), p));
        handles.add(h);
        index.add(h);
      }
      settle();
      fired = null;
      index = null;
      if (given >= DISCARD_FROM) {
        return false;
      }
      if (!book.bounded()) {
        for (FactHandle h : handles) {
          session.delete(h);
        }
        settle();
      }
      return true;
    }

    private void settle() {
      if (book.alphaOnly() && session instanceof InternalWorkingMemory memory) {
        // propagating the inserts through the alpha network creates every match
        memory.flushPropagations();
      } else {
        // a rule past the alpha network has its matches created as the agenda is evaluated:
        // evaluate it, firing nothing
        session.fireAllRules(match -> false);
      }
    }
  }

  /** Sessions ready for the next attempt; a session an attempt failed in is disposed of. */
  private final java.util.concurrent.ConcurrentLinkedDeque<Pooled> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();

  /** The most facts an idle session holds: fewer than {@link #DISCARD_FROM}. */
  long factsHeld() {
    return idle.stream().mapToLong(p -> p.session.getFactCount()).max().orElse(0);
  }

  /** At most this many idle sessions are kept (one per thread that evaluates at the same time). */
  private static final int POOL = Math.max(2, Runtime.getRuntime().availableProcessors());

  /**
   * The threads the sessions of a batch run on beside the caller's, and, for rules whose matching
   * is not bounded, every attempt, so that it can be given up on: daemon threads, reused while they are idle, so that a single
   * evaluation pays for neither a thread nor a session. A thread stuck in a rule that never ends
   * stays out of the pool; the next attempt gets a new one.
   */
  private static final java.util.concurrent.ExecutorService WORKERS =
      java.util.concurrent.Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "redline-rules");
            t.setDaemon(true);
            return t;
          });

  /**
   * Runs {@code batch} in a session: on the caller's thread when matching is bounded, otherwise
   * on a worker thread, within the time limit. The worker owns
   * the session while it runs: it gives it back when the batch ran (unless the session is spent), and disposes of it when
   * a rule failed or the caller stopped waiting; a session that runs out of time is halted, never
   * disposed while its worker may still be inside it.
   */
  private Attempt attempt(List<Proposal> batch) {
    List<BitSet> fired = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      fired.add(new BitSet(ids.size()));
    }
    if (batch.isEmpty()) {
      return new Attempt(fired, null, false);
    }
    Pooled pooled = idle.pollFirst();
    Pooled session = pooled != null ? pooled : new Pooled();
    if (book.bounded()) {
      return inline(session, batch, fired);
    }
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // whoever settles the attempt first owns the session's end: the worker, when the batch ran,
    // gives it back; the caller, when it stops waiting, halts it (and the worker disposes of it)
    java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.Future<?> worker =
        WORKERS.submit(
            () -> {
              boolean reusable = false;
              try {
                reusable = session.run(batch, fired);
              } catch (Throwable t) {
                failure.set(t);
              } finally {
                if (settled.compareAndSet(false, true) && reusable && idle.size() < POOL) {
                  idle.addFirst(session);
                } else {
                  session.session.dispose();
                }
              }
            });
    try {
      try {
        worker.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        if (settled.compareAndSet(false, true)) {
          session.session.halt(); // the worker disposes of the session if it ever returns
          return new Attempt(
              fired,
              Diagnostic.error(
                  "rule-timeout",
                  Location.of(book.folder()),
                  "the rules did not finish within " + timeout.toSeconds() + " seconds",
                  "a rule's condition may be too slow, or never finish"),
              true);
        }
        worker.get(); // it finished as the time ran out: its result stands
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (settled.compareAndSet(false, true)) {
        session.session.halt();
      }
      return new Attempt(fired, Diagnostic.error("interrupted", Location.of(book.folder()), "evaluation was interrupted"), false);
    } catch (java.util.concurrent.ExecutionException e) {
      failure.compareAndSet(null, e.getCause());
    }
    Throwable t = failure.get();
    if (t != null) {
      return new Attempt(fired, failureDiagnostic(t), false);
    }
    return new Attempt(fired, null, false);
  }

  /**
   * Runs {@code batch} in {@code session} on the caller's thread: for rules whose matching is
   * bounded ({@link RuleBook#bounded()}), which cannot run out of time, so that an evaluation
   * pays no hand-off to a worker (waking one costs more than the evaluation of a proposal).
   * A failure of the rules is the attempt's error, as on a worker.
   */
  private Attempt inline(Pooled session, List<Proposal> batch, List<BitSet> fired) {
    boolean reusable = false;
    try {
      reusable = session.run(batch, fired);
      return new Attempt(fired, null, false);
    } catch (RuntimeException | StackOverflowError t) {
      return new Attempt(fired, failureDiagnostic(t), false);
    } finally {
      if (reusable && idle.size() < POOL) {
        idle.addFirst(session);
      } else {
        session.session.dispose();
      }
    }
  }

  /**
   * Finds which proposal a match is about, from its fact handle. Handles inserted one after the
   * other in one attempt have consecutive ids, so the usual lookup is a subtraction; a map
   * covers any other numbering. Every rule has one {@code Proposal} pattern.
   */
  private static final class FactIndex {
    private long first = -1;
    private boolean consecutive = true;
    private final Map<Long, Integer> byId = new HashMap<>();
    private int size;

    void add(FactHandle handle) {
      long id = ((InternalFactHandle) handle).getId();
      if (size == 0) {
        first = id;
      } else if (consecutive && id != first + size) {
        consecutive = false;
        for (int k = 0; k < size; k++) {
          byId.put(first + k, k);
        }
      }
      if (!consecutive) {
        byId.put(id, size);
      }
      size++;
    }

    int of(Match match) {
      InternalFactHandle handle = handleOf(match);
      if (handle == null) {
        return -1;
      }
      long id = handle.getId();
      if (consecutive && id >= first && id < first + size) {
        return (int) (id - first);
      }
      return byId.getOrDefault(id, -1);
    }

    private static InternalFactHandle handleOf(Match match) {
      if (match instanceof InternalMatch internal && internal.getTuple() != null) {
        return internal.getTuple().getFactHandle(); // internal API: avoids a list per firing
      }
      List<? extends FactHandle> handles = match.getFactHandles();
      return handles.isEmpty() ? null : (InternalFactHandle) handles.get(0);
    }
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
  Evaluation judge(Proposal proposal, BitSet fired, Map<Integer, Status> decided, List<Diagnostic> errors) {
    List<PartyResult> parties = new ArrayList<>();
    if (!errors.isEmpty()) {
      return new Evaluation(proposal, parties, errors, positions()); // no verdict from rules that failed
    }
    BitSet open = openSlots(proposal);
    List<Diagnostic> impossible = new ArrayList<>();
    for (int slot : incoherent(fired, open)) {
      impossible.add(incoherence(proposal, rules.get(slot)));
    }
    for (int slot = firstCoherence; slot < rules.size() && !decided.isEmpty(); slot++) {
      if (decided.get(slot) == Status.BROKEN) {
        impossible.add(incoherence(proposal, rules.get(slot))); // every completion holds it
      }
    }
    if (!impossible.isEmpty()) {
      return new Evaluation(proposal, parties, impossible, positions()); // no verdict on what cannot exist
    }
    for (int p = 0; p < withRules.size(); p++) {
      List<Integer> members = partySlots.get(p);
      Outcomes outcomes = Outcomes.of(partyConstraints.get(p), proposal, k -> status(members.get(k), fired, open, decided));
      parties.add(partyResult(withRules.get(p), outcomes));
    }
    return new Evaluation(proposal, parties, errors, positions());
  }

  /** The code of the error that refuses a proposal holding a combination that cannot exist. */
  public static final String INCOHERENT = "incoherent-proposal";

  /**
   * The coherence rules, by slot, whose combination a proposal holds with every term they read
   * set: those that fired and read no term the proposal leaves open ({@code open}, from {@link
   * #openSlots}).
   */
  private List<Integer> incoherent(BitSet fired, BitSet open) {
    List<Integer> out = new ArrayList<>();
    for (int slot = fired.nextSetBit(firstCoherence); slot >= 0; slot = fired.nextSetBit(slot + 1)) {
      if (!open.get(slot)) {
        out.add(slot);
      }
    }
    return out;
  }

  private static Diagnostic incoherence(Proposal proposal, Constraint rule) {
    StringBuilder held = new StringBuilder();
    for (String term : rule.reads()) {
      TermValue v = proposal.terms().get(term);
      held.append(held.length() == 0 ? "" : " and ")
          .append('`').append(term).append("` = ")
          .append(v == null ? "any value" : v.render());
    }
    String first = rule.reads().stream().filter(proposal.terms()::containsKey).findFirst().orElse("");
    return Diagnostic.error(
        INCOHERENT,
        new Location(proposal.file().isEmpty() ? proposal.id() : proposal.file(), 0, 0, first.isEmpty() ? "" : "/terms/" + first),
        held + " cannot exist together (coherence rule " + rule.id() + ": " + rule.title() + ")",
        rule.stance().isEmpty() ? "change one of these terms" : rule.stance());
  }

  /**
   * The status of the constraint in {@code slot}: from whether its rule fired, or, when it reads
   * terms the proposal leaves open, the status every completion of them agrees on (or none).
   */
  private static Status status(int slot, BitSet fired, BitSet open, Map<Integer, Status> decided) {
    if (open.get(slot)) {
      Status completed = decided.get(slot);
      return completed == null ? Status.UNDETERMINED : completed;
    }
    return fired.get(slot) ? Status.BROKEN : Status.SATISFIED;
  }

  /** A party's verdict and preference score from its constraints' outcomes. */
  static PartyResult partyResult(Party party, Outcomes results) {
    boolean redBroken = false;
    boolean redOpen = false;
    boolean objectionBroken = false;
    boolean objectionOpen = false;
    int score = 0;
    int max = 0;
    for (int i = 0; i < results.size(); i++) {
      Constraint c = results.constraint(i);
      Status status = results.status(i);
      Kind kind = c.kind();
      if (kind == Kind.PREFERENCE) {
        max += c.weight();
        if (status == Status.SATISFIED) {
          score += c.weight();
        } else if (status == Status.BROKEN) {
          score -= c.weight();
        }
        continue;
      }
      switch (status) {
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
