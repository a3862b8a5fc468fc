package redline.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import redline.engine.RuleBook;
import redline.engine.RulesException;
import redline.model.Diagnostic;
import redline.report.DiagnosticReport;
import redline.report.Json;
import redline.report.Style;

/** Options shared by the commands, and the helpers that use them. */
public final class Common {
  /** Output formats. */
  public enum Format {
    text,
    json
  }

  /** When to colour text output. */
  public enum Color {
    auto,
    always,
    never
  }

  @Option(
      names = "--rules",
      paramLabel = "DIR",
      description = "the rules folder (default: ./rules, else the rules of this installation)")
  Path rules;

  @Option(
      names = "--color",
      paramLabel = "WHEN",
      defaultValue = "auto",
      description = "colour text output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
  Color color;

  @Option(names = "--warnings-as-errors", description = "fail (exit 3) when loading the rules gives any warning")
  boolean warningsAsErrors;

  @Option(
      names = "--as-of",
      paramLabel = "DATE",
      converter = AsOf.Converter.class,
      description = "the positions in force on DATE (yyyy-mm-dd), `proposal` for each proposal's own asOf, or `latest` (default: latest; for test, each case's own date)")
  AsOf asOf;

  /** What {@code --as-of} asked for. */
  record AsOf(java.time.LocalDate day, boolean proposal, boolean latest) {
    static final AsOf LATEST = new AsOf(null, false, true);

    /** Reads {@code --as-of}'s value. */
    static final class Converter implements CommandLine.ITypeConverter<AsOf> {
      @Override
      public AsOf convert(String value) {
        String v = value.trim();
        if (v.equals("proposal")) {
          return new AsOf(null, true, false);
        }
        if (v.equals("latest")) {
          return LATEST;
        }
        try {
          return new AsOf(java.time.LocalDate.parse(v), false, false);
        } catch (java.time.format.DateTimeParseException e) {
          throw new CommandLine.TypeConversionException(
              "`" + v + "` is not a date: write yyyy-mm-dd, `proposal` or `latest`");
        }
      }
    }
  }

  /** Refuses {@code --as-of} on a command whose output does not depend on the positions. */
  void noAsOf(CommandLine cl, String command) {
    if (asOf != null) {
      throw new CommandLine.ParameterException(cl, "--as-of does not apply to " + command + ", which does not depend on the positions of a date");
    }
  }

  /** What {@code --as-of} asked for, the latest positions when it was not given. */
  AsOf asOf() {
    return asOf == null ? AsOf.LATEST : asOf;
  }

  /**
   * The positions to judge {@code proposal} by: the day of {@code --as-of}, the proposal's own
   * {@code asOf} with {@code --as-of proposal} (the latest when it has none), else the latest.
   */
  RuleBook positions(RuleBook book, redline.model.Proposal proposal) {
    AsOf a = asOf();
    if (a.day() != null) {
      return book.at(a.day());
    }
    if (a.proposal() && proposal != null && !proposal.asOf().isEmpty()) {
      return book.at(java.time.LocalDate.parse(proposal.asOf()));
    }
    return book.latest();
  }

  @Option(names = "--verbose", description = "show the rules engine's log and stack traces of internal errors")
  boolean verbose;

  /** The rules folder to use and how to name it. */
  Path rulesDir() {
    return rulesDir(rules);
  }

  /** The rules folder for the option {@code --rules} (null when not given). */
  static Path rulesDir(Path rules) {
    if (rules != null) {
      return rules;
    }
    Path local = Path.of("rules");
    if (Files.isDirectory(local)) {
      return local;
    }
    String home = System.getenv("REDLINE_HOME");
    if (home != null && Files.isDirectory(Path.of(home, "rules"))) {
      return Path.of(home, "rules");
    }
    return local;
  }

  /** The style for text output. */
  Style style() {
    return switch (color) {
      case always -> Style.ANSI;
      case never -> Style.PLAIN;
      case auto -> CommandLine.Help.Ansi.AUTO.enabled() ? Style.ANSI : Style.PLAIN;
    };
  }

  /**
   * Where compiled rules and Drools' decisions are kept between processes (the system property
   * {@code redline.cache}, which bin/redline sets), or null for nowhere.
   */
  static Path cacheDir() {
    String cache = System.getProperty("redline.cache", "");
    return cache.isEmpty() ? null : Path.of(cache);
  }

  /** Loads the rules, or prints why not and returns null. */
  RuleBook load(CommandLine cl, Format format) {
    Path dir = rulesDir();
    try {
      Path cache = cacheDir();
      RuleBook.Prepared prefetched = Prefetch.take(dir, cache);
      RuleBook book =
          prefetched != null
              ? RuleBook.of(dir.toString(), prefetched)
              : cache == null ? RuleBook.load(dir, dir.toString()) : RuleBook.load(dir, dir.toString(), cache);
      if (!book.warnings().isEmpty()) {
        if (warningsAsErrors) {
          printErrors(cl, format, "the rules in `" + dir + "` have warnings, and --warnings-as-errors is given", asErrors(book.warnings()));
          return null;
        }
        // once per command, on stderr, so that JSON on stdout stays one document
        DiagnosticReport.print(book.warnings(), cl.getErr(), style(), 0);
      }
      return book;
    } catch (RulesException e) {
      printErrors(cl, format, "the rules in `" + dir + "` failed to load", e.diagnostics());
      return null;
    }
  }

  /** The given warnings as errors, for --warnings-as-errors. */
  static List<Diagnostic> asErrors(List<Diagnostic> warnings) {
    return warnings.stream().map(d -> d.isError() ? d : new Diagnostic(redline.model.Severity.ERROR, d.code(), d.at(), d.message(), d.hint())).toList();
  }

  /** Prints diagnostics: as text on stderr, or as a JSON object on stdout. */
  void printErrors(CommandLine cl, Format format, String headline, List<Diagnostic> diagnostics) {
    if (format == Format.json) {
      var o = Json.object();
      o.put("error", headline);
      o.set("diagnostics", Json.diagnostics(diagnostics));
      cl.getOut().print(Json.write(o));
      cl.getOut().flush();
      return;
    }
    PrintWriter err = cl.getErr();
    DiagnosticReport.print(diagnostics, err, style(), 0);
    long errors = diagnostics.stream().distinct().filter(Diagnostic::isError).count();
    err.println(headline + ": " + errors + (errors == 1 ? " error" : " errors"));
    err.flush();
  }
}
