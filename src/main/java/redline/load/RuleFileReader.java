package redline.load;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.ParserError;
import org.drools.io.ByteArrayResource;
import redline.model.Constraint;
import redline.model.Diagnostic;
import redline.model.Evidence;
import redline.model.Kind;
import redline.model.Location;
import redline.model.Party;
import redline.model.Vocabulary;

/**
 * Parses one party's DRL file and reads, for each rule, the constraint it declares: its
 * metadata, checked for completeness, and the terms and options its condition names, checked
 * against the vocabulary. Thread-safe.
 */
public final class RuleFileReader {
  /** The metadata a rule may carry. */
  public static final List<String> METADATA =
      List.of("party", "kind", "title", "stance", "reason", "sources", "evidence", "asOf", "weight", "contested", "note", "from", "until", "supersedes");

  private static final Pattern ID = Pattern.compile("[A-Z]{2,5}-[0-9]{2,3}");
  private static final Pattern SOURCE_ID = Pattern.compile("S[0-9]{2}[a-z]?");
  private static final Pattern SEED_FILE = Pattern.compile("[0-9]{3}_[0-9a-f]{16}\\.txt");

  private final Vocabulary vocabulary;
  private final Map<String, String> sourceCatalogue;
  private final ConditionReader conditions;

  /** The codes of the condition reader's errors. */
  private static final Set<String> CONDITION_CODES =
      Set.of("unsupported-condition", "wrong-operator", "wrong-type", "empty-condition", "unknown-term", "unknown-option", "unknown-fact", "drl-syntax");

  /** A reader checking rules against {@code vocabulary} and the given source catalogue. */
  public RuleFileReader(Vocabulary vocabulary, Map<String, String> sourceCatalogue) {
    this.vocabulary = vocabulary;
    this.sourceCatalogue = Map.copyOf(sourceCatalogue);
    this.conditions = new ConditionReader(vocabulary);
  }

  /** What a read produced: the file (null when it does not parse) and the problems found. */
  public record Result(RuleFile file, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }
  }

  /** Reads {@code file}, naming it {@code shown} in diagnostics. */
  public Result read(Path file, String shown) {
    InputFile.Result read = InputFile.read(file, shown);
    if (read.error() != null) {
      return new Result(null, List.of(read.error()));
    }
    return read(read.text(), shown);
  }

  /** Reads DRL text, naming it {@code shown} in diagnostics. */
  public Result read(String text, String shown) {
    List<Diagnostic> found = new ArrayList<>();
    DrlParser parser = new DrlParser();
    ByteArrayResource resource = new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8));
    resource.setSourcePath(shown);
    PackageDescr descr;
    try {
      descr = parser.parse(resource, new StringReader(text));
    } catch (Exception e) {
      found.add(Diagnostic.error("drl-syntax", Location.of(shown), "cannot parse: " + e.getMessage()));
      return new Result(null, found);
    }
    if (parser.hasErrors() || descr == null) {
      for (DroolsError err : parser.getErrors()) {
        found.add(Diagnostic.error("drl-syntax", errorLocation(err, shown), DroolsText.clean(err.getMessage())));
      }
      if (found.isEmpty()) {
        found.add(Diagnostic.error("drl-syntax", Location.of(shown), "cannot parse the rule file"));
      }
      return new Result(null, found);
    }
    List<String> lines = text.lines().toList();
    // the closed subset first: what it refuses never reaches the compiler
    DrlSubset.Result subset = DrlSubset.enforce(descr, shown, lines);
    found.addAll(subset.diagnostics());
    PackageDescr allowed = subset.allowed();
    String party = partyOfFile(shown);
    List<Constraint> constraints = new ArrayList<>();
    List<RuleDescr> refused = new ArrayList<>();
    for (RuleDescr rule : descr.getRules()) {
      if (rule instanceof QueryDescr) {
        continue;
      }
      if (!subset.refused().contains(rule)) {
        // An empty action needs no Java class: the MVEL dialect skips compiling one per rule,
        // which is most of a cold start's compile time.
        rule.addAttribute(new AttributeDescr("dialect", "mvel"));
      }
      int before = found.size();
      constraint(rule, shown, party, found).ifPresent(constraints::add);
      if (found.subList(before, found.size()).stream().anyMatch(d -> d.isError() && CONDITION_CODES.contains(d.code()))) {
        refused.add(rule);
      }
    }
    if (descr.getRules().isEmpty()) {
      found.add(Diagnostic.warning("no-rules", Location.of(shown), "the file declares no rules", ""));
    }
    // A rule whose condition the reader refused is not handed to Drools: its error is reported
    // once, at its place, not again as a compiler message without a line.
    allowed.getRules().removeAll(refused);
    return new Result(new RuleFile(shown, party, allowed, constraints), found.stream().map(d -> pinpoint(d, lines)).toList());
  }

  /** The metadata each diagnostic code is about. */
  private static final Map<String, String> ANNOTATION =
      Map.ofEntries(
          Map.entry("invalid-date", "asOf"),
          Map.entry("invalid-from", "from"),
          Map.entry("invalid-until", "until"),
          Map.entry("empty-validity", "until"),
          Map.entry("supersedes-without-from", "supersedes"),
          Map.entry("unknown-supersedes", "supersedes"),
          Map.entry("supersedes-other-party", "supersedes"),
          Map.entry("supersedes-itself", "supersedes"),
          Map.entry("superseded-twice", "supersedes"),
          Map.entry("validity-gap", "supersedes"),
          Map.entry("validity-overlap", "supersedes"),
          Map.entry("superseded-still-in-force", "supersedes"),
          Map.entry("unknown-source", "sources"),
          Map.entry("invalid-evidence", "evidence"),
          Map.entry("invalid-kind", "kind"),
          Map.entry("unknown-party", "party"),
          Map.entry("wrong-party", "party"),
          Map.entry("misplaced-coherence", "party"),
          Map.entry("invalid-weight", "weight"),
          Map.entry("unused-weight", "weight"));

  /**
   * Moves a diagnostic about one metadata entry from the rule's first line to the line of that
   * entry: the parser gives metadata entries no position of their own.
   */
  private static Diagnostic pinpoint(Diagnostic d, List<String> lines) {
    String annotation = ANNOTATION.get(d.code());
    int start = d.at().line() - 1;
    if (annotation == null || start < 0 || start >= lines.size() || !lines.get(start).trim().startsWith("rule ")) {
      return d;
    }
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      String trimmed = line.trim();
      if (trimmed.startsWith("when") || trimmed.startsWith("rule ")) {
        break;
      }
      int at = line.indexOf("@" + annotation + "(");
      if (at >= 0) {
        return new Diagnostic(d.severity(), d.code(), Location.of(d.at().file(), i + 1, at + 1), d.message(), d.hint());
      }
    }
    return d;
  }

  private static Location errorLocation(DroolsError err, String shown) {
    if (err instanceof ParserError pe) {
      return Location.of(shown, Math.max(0, pe.getRow()), Math.max(0, pe.getCol() + 1));
    }
    int[] lines = err.getLines();
    return Location.of(shown, lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0, 0);
  }

  /** The code of the party whose file this is, or empty when no party names it. */
  private String partyOfFile(String shown) {
    String name = Path.of(shown).getFileName().toString();
    for (Party p : vocabulary.parties().values()) {
      if (p.file().equals(name)) {
        return p.code();
      }
    }
    return "";
  }

  private Optional<Constraint> constraint(RuleDescr rule, String shown, String fileParty, List<Diagnostic> found) {
    Location at = Location.of(shown, rule.getLine(), rule.getColumn() + 1);
    String id = rule.getName();
    int errorsBefore = (int) found.stream().filter(Diagnostic::isError).count();
    if (!ID.matcher(id).matches()) {
      found.add(
          Diagnostic.error(
              "invalid-id",
              at,
              "rule name `" + id + "` is not a constraint id",
              "use the party code, a dash and a number, e.g. `RU-01`"));
    }
    for (AnnotationDescr a : rule.getAnnotations()) {
      if (!METADATA.contains(a.getName())) {
        found.add(
            Diagnostic.warning(
                "unknown-metadata",
                annotationAt(a, at),
                "rule `" + id + "` has unknown metadata `@" + a.getName() + "`",
                Fields.hintOr(Vocabulary.didYouMean(a.getName(), METADATA), "expected one of " + Fields.list(METADATA))));
      }
    }
    boolean coherence = meta(rule, "kind").equals(Kind.COHERENCE.word());
    String party = coherence ? meta(rule, "party") : required(rule, "party", at, found);
    if (coherence && (!party.isEmpty() || !fileParty.isEmpty())) {
      found.add(
          Diagnostic.error(
              "misplaced-coherence",
              party.isEmpty() ? at : metaAt(rule, "party", at),
              "coherence rule `" + id + "` "
                  + (party.isEmpty() ? "sits in the file of `" + fileParty + "`" : "names party `" + party + "`")
                  + ", but a coherence rule belongs to no party",
              "put coherence rules, without @party, in `coherence.drl`"));
      party = "";
    }
    if (!coherence && !party.isEmpty() && !vocabulary.parties().containsKey(party)) {
      found.add(
          Diagnostic.error(
              "unknown-party",
              metaAt(rule, "party", at),
              "rule `" + id + "` names unknown party `" + party + "`",
              Fields.hintOr(Vocabulary.didYouMean(party, vocabulary.parties().keySet()), "known parties: " + Fields.list(vocabulary.parties().keySet()))));
    } else if (!party.isEmpty() && !fileParty.isEmpty() && !party.equals(fileParty)) {
      found.add(
          Diagnostic.error(
              "wrong-party",
              metaAt(rule, "party", at),
              "rule `" + id + "` is for party `" + party + "` but sits in the file of `" + fileParty + "`"));
    }
    if (!party.isEmpty() && ID.matcher(id).matches() && !id.startsWith(party + "-")) {
      found.add(
          Diagnostic.warning(
              "id-prefix", at, "rule `" + id + "` belongs to `" + party + "` but its id does not start with `" + party + "-`", ""));
    }
    String kindWord = required(rule, "kind", at, found);
    Kind kind = Kind.of(kindWord).orElse(null);
    if (kind == null && !kindWord.isEmpty()) {
      found.add(
          Diagnostic.error(
              "invalid-kind",
              metaAt(rule, "kind", at),
              "rule `" + id + "` has kind `" + kindWord + "`",
              "expected `red-line`, `objection`, `preference` or `coherence`"));
    }
    String title = required(rule, "title", at, found);
    String reason = meta(rule, "reason");
    String stance;
    String sourcesText;
    if (coherence) {
      // a combination that cannot exist needs a reason in words, sources where there are any
      stance = reason.isEmpty() ? meta(rule, "stance") : reason;
      sourcesText = meta(rule, "sources");
      if (stance.isEmpty() && sourcesText.isEmpty()) {
        found.add(
            Diagnostic.error(
                "missing-metadata",
                at,
                "coherence rule `" + id + "` gives neither `@reason` nor `@sources`",
                "say why the combination cannot exist, e.g. @reason(\"Article 5 protection comes with membership\")"));
      }
    } else {
      stance = required(rule, "stance", at, found);
      sourcesText = required(rule, "sources", at, found);
    }
    List<String> sources = new ArrayList<>();
    for (String s : sourcesText.split("[,;]")) {
      String src = s.trim();
      if (src.isEmpty()) {
        continue;
      }
      sources.add(src);
      if (!resolves(src)) {
        found.add(
            Diagnostic.error(
                "unknown-source",
                metaAt(rule, "sources", at),
                "rule `" + id + "` cites `" + src + "`, which is neither a source id of the catalogue nor a seed file",
                Fields.hintOr(Vocabulary.didYouMean(src, sourceCatalogue.keySet()), "cite a source id such as `S05` or a seed file name")));
      }
    }
    String evidenceWord = required(rule, "evidence", at, found);
    Evidence evidence = null;
    try {
      evidence = evidenceWord.isEmpty() ? null : Evidence.valueOf(evidenceWord);
    } catch (IllegalArgumentException e) {
      found.add(
          Diagnostic.error(
              "invalid-evidence",
              metaAt(rule, "evidence", at),
              "rule `" + id + "` has evidence `" + evidenceWord + "`",
              "expected `R` (reported), `D` (document) or `I` (inference)"));
    }
    String asOfText = required(rule, "asOf", at, found);
    LocalDate asOf = null;
    if (!asOfText.isEmpty()) {
      asOf = Dates.parse(asOfText).orElse(null);
      if (asOf == null) {
        found.add(
            Diagnostic.error(
                "invalid-date",
                metaAt(rule, "asOf", at),
                "rule `" + id + "` has date `" + asOfText + "`",
                "write " + Dates.expected() + ", in quotes"));
      }
    }
    LocalDate from = date(rule, "from", "invalid-from", id, at, found);
    LocalDate until = date(rule, "until", "invalid-until", id, at, found);
    if (from != null && until != null && !from.isBefore(until)) {
      found.add(
          Diagnostic.error(
              "empty-validity",
              metaAt(rule, "until", at),
              "rule `" + id + "` is in force from " + from + " until " + until + ", which is no day at all",
              "`@until` is the first day the stance no longer holds, after `@from`"));
    }
    String supersedes = meta(rule, "supersedes");
    if (!supersedes.isEmpty() && meta(rule, "from").isEmpty()) {
      found.add(
          Diagnostic.error(
              "supersedes-without-from",
              metaAt(rule, "supersedes", at),
              "rule `" + id + "` supersedes `" + supersedes + "` but has no `@from`",
              "add @from(\"yyyy-mm-dd\"), the day the new stance was stated"));
    }
    int weight = 0;
    String weightText = meta(rule, "weight");
    if (kind == Kind.PREFERENCE) {
      if (weightText.isEmpty()) {
        found.add(Diagnostic.error("missing-weight", at, "preference `" + id + "` has no `@weight`", "add @weight(\"1\") to @weight(\"3\")"));
      } else {
        try {
          weight = Integer.parseInt(weightText);
          if (weight < 1 || weight > 10) {
            throw new NumberFormatException();
          }
        } catch (NumberFormatException e) {
          found.add(Diagnostic.error("invalid-weight", metaAt(rule, "weight", at), "preference `" + id + "` has weight `" + weightText + "`", "a weight is a whole number from 1 to 10"));
        }
      }
    } else if (!weightText.isEmpty()) {
      found.add(Diagnostic.warning("unused-weight", metaAt(rule, "weight", at), "rule `" + id + "` is a " + (kind == null ? kindWord : kind.word()) + ", so its weight is not used", "only preferences carry a weight"));
    }
    ConditionReader.Condition condition = conditions.read(rule, at, found);
    long errorsAfter = found.stream().filter(Diagnostic::isError).count();
    if (errorsAfter > errorsBefore || kind == null || evidence == null || asOf == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Constraint(
            id, party, kind, title, stance, sources, evidence, asOf, weight, meta(rule, "contested"), condition.terms(), condition.text(), condition.comparisons(), from, until, supersedes, meta(rule, "note"), at));
  }

  /** An optional date metadata entry, checked; null when absent or invalid. */
  private static LocalDate date(RuleDescr rule, String name, String code, String id, Location at, List<Diagnostic> found) {
    String text = meta(rule, name);
    if (text.isEmpty()) {
      return null;
    }
    LocalDate day = Dates.parse(text).orElse(null);
    if (day == null) {
      found.add(
          Diagnostic.error(
              code,
              metaAt(rule, name, at),
              "rule `" + id + "` has `@" + name + "` date `" + text + "`, which is not a day of the calendar in range",
              "write " + Dates.expected() + ", in quotes"));
    }
    return day;
  }

  private boolean resolves(String source) {
    if (SEED_FILE.matcher(source).matches()) {
      return true;
    }
    if (sourceCatalogue.isEmpty()) {
      return SOURCE_ID.matcher(source).matches();
    }
    return sourceCatalogue.containsKey(source);
  }

  private static Location descrAt(BaseDescr d, Location fallback) {
    return d.getLine() > 0 ? Location.of(fallback.file(), d.getLine(), d.getColumn() + 1) : fallback;
  }

  private static Location annotationAt(AnnotationDescr a, Location fallback) {
    return descrAt(a, fallback);
  }

  private static Location metaAt(RuleDescr rule, String name, Location fallback) {
    AnnotationDescr a = rule.getAnnotation(name);
    return a == null ? fallback : annotationAt(a, fallback);
  }

  /** The value of metadata {@code name}; empty when absent or not plain (the subset reports that). */
  private static String meta(RuleDescr rule, String name) {
    AnnotationDescr a = rule.getAnnotation(name);
    if (a == null || !DrlSubset.isPlain(a)) {
      return "";
    }
    Object v = a.getValue();
    if (v instanceof Map<?, ?> map) {
      v = map.isEmpty() ? "" : map.values().iterator().next();
    }
    String s = v == null ? "" : v.toString().trim();
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s.trim();
  }

  private static String required(RuleDescr rule, String name, Location at, List<Diagnostic> found) {
    String v = meta(rule, name);
    if (v.isEmpty() && (rule.getAnnotation(name) == null || DrlSubset.isPlain(rule.getAnnotation(name)))) {
      found.add(
          Diagnostic.error(
              "missing-metadata",
              at,
              "rule `" + rule.getName() + "` has no `@" + name + "`",
              "every constraint needs @party, @kind, @title, @stance, @sources, @evidence and @asOf"));
    }
    return v;
  }
}
