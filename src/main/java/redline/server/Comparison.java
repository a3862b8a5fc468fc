package redline.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redline.model.ConstraintResult;
import redline.model.Evaluation;
import redline.model.Party;
import redline.model.PartyResult;
import redline.model.Proposal;
import redline.model.TermValue;
import redline.model.Verdict;
import redline.model.Vocabulary;
import redline.report.Json;

/**
 * What changes between two evaluated proposals: the terms that differ, and per party the verdict,
 * the preference score and every constraint whose status moved. A small comparison for the
 * workbench's "Compare" (a {@code redline compare} command may later share it). Immutable.
 */
record Comparison(Evaluation before, Evaluation after, List<TermChange> terms, List<PartyMove> parties) {
  Comparison {
    terms = List.copyOf(terms);
    parties = List.copyOf(parties);
  }

  /** One term whose value differs; a null value is an open term. */
  record TermChange(String term, TermValue before, TermValue after) {}

  /** One constraint whose status differs. */
  record ConstraintMove(ConstraintResult before, ConstraintResult after) {}

  /** One party's verdict and score before and after, and the constraints that moved. */
  record PartyMove(Party party, Verdict before, Verdict after, int scoreBefore, int scoreAfter, List<ConstraintMove> constraints) {
    PartyMove {
      constraints = List.copyOf(constraints);
    }

    boolean moved() {
      return before != after;
    }
  }

  /** Compares two evaluations of proposals written in {@code vocabulary}'s terms. */
  static Comparison of(Vocabulary vocabulary, Evaluation before, Evaluation after) {
    List<TermChange> terms = new ArrayList<>();
    Proposal a = before.proposal();
    Proposal b = after.proposal();
    for (String t : vocabulary.terms().keySet()) {
      TermValue x = a.terms().get(t);
      TermValue y = b.terms().get(t);
      if (!Objects.equals(x, y)) {
        terms.add(new TermChange(t, x, y));
      }
    }
    Map<String, PartyResult> earlier = new HashMap<>();
    before.parties().forEach(r -> earlier.put(r.party().code(), r));
    List<PartyMove> parties = new ArrayList<>();
    for (PartyResult r : after.parties()) {
      PartyResult e = earlier.get(r.party().code());
      if (e == null) {
        continue;
      }
      Map<String, ConstraintResult> was = new HashMap<>();
      e.constraints().forEach(c -> was.put(c.constraint().id(), c));
      List<ConstraintMove> moves = new ArrayList<>();
      for (ConstraintResult c : r.constraints()) {
        ConstraintResult w = was.get(c.constraint().id());
        if (w != null && w.status() != c.status()) {
          moves.add(new ConstraintMove(w, c));
        }
      }
      parties.add(new PartyMove(r.party(), e.verdict(), r.verdict(), e.score(), r.score(), moves));
    }
    return new Comparison(before, after, terms, parties);
  }

  /** The JSON of the comparison (shape in README, "The workbench"). */
  ObjectNode json() {
    ObjectNode o = Json.object();
    o.set("before", side(before));
    o.set("after", side(after));
    ArrayNode ts = o.putArray("terms");
    for (TermChange t : terms) {
      ObjectNode to = ts.addObject();
      to.put("term", t.term());
      value(to, "before", t.before());
      value(to, "after", t.after());
    }
    o.set("moved", Json.strings(parties.stream().filter(PartyMove::moved).map(p -> p.party().code()).toList()));
    ArrayNode ps = o.putArray("parties");
    for (PartyMove p : parties) {
      ObjectNode po = ps.addObject();
      po.put("party", p.party().code());
      po.put("name", p.party().name());
      po.put("before", p.before().name());
      po.put("after", p.after().name());
      po.put("moved", p.moved());
      po.put("scoreBefore", p.scoreBefore());
      po.put("scoreAfter", p.scoreAfter());
      ArrayNode cs = po.putArray("constraints");
      for (ConstraintMove m : p.constraints()) {
        ObjectNode co = cs.addObject();
        co.put("id", m.after().constraint().id());
        co.put("kind", m.after().constraint().kind().word());
        co.put("title", m.after().constraint().title());
        co.put("before", m.before().status().name());
        co.put("after", m.after().status().name());
      }
    }
    List<redline.model.Diagnostic> errors = new ArrayList<>(before.errors());
    errors.addAll(after.errors());
    o.set("errors", Json.diagnostics(errors));
    return o;
  }

  private static ObjectNode side(Evaluation e) {
    ObjectNode o = Json.object();
    o.put("id", e.proposal().id());
    o.put("title", e.proposal().title());
    ObjectNode verdicts = o.putObject("verdicts");
    e.parties().forEach(r -> verdicts.put(r.party().code(), r.verdict().name()));
    return o;
  }

  private static void value(ObjectNode into, String name, TermValue v) {
    if (v == null) {
      into.putNull(name);
    } else {
      Json.putValue(into, name, v);
    }
  }
}
