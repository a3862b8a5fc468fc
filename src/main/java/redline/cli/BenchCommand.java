package redline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import redline.bench.Bench;
import redline.engine.RulesException;
import redline.report.BenchReport;
import redline.report.ExploreProgress;
import redline.report.Json;

/** {@code redline bench}: start-up, latency, throughput, explore and nearest, each beside a baseline. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures performance beside baselines measured in the same run.",
      "In one run: cold start to the first report of evaluate, test, check, explore and",
      "nearest (and of evaluate with the compiled-rules cache cold), peak resident memory,",
      "single-proposal latency, batch throughput, the live heap of a streamed batch, and",
      "explore and nearest times, on the rules and on a generated vocabulary four times their",
      "size; each beside a baseline measured in the same run (a bare JVM that reads the same",
      "JSON; a hand-written Java evaluation of the same constraints) and its target. Run",
      "`bin/redline --version` after a build, so that the cold starts map its class-data archive."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:measured", "2:bad input", "3:the rules failed to load", "4:internal error"})
final class BenchCommand implements Callable<Integer> {
  /** The flags bin/redline starts short commands with; others drop some of them (see Bench.flagsFor), as bin/redline does. */
  static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmn12m", "-XX:-UsePerfData", "-Xshare:auto");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin Common common;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "the proposal to start and evaluate with (default: cases/us-28-point-plan.json)")
  Path proposal;

  @Option(names = "--starts", paramLabel = "N", defaultValue = "5", description = "cold starts per figure; the median is kept (default: ${DEFAULT-VALUE})")
  int starts;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "100000", description = "proposals for the throughput figures (default: ${DEFAULT-VALUE})")
  int batch;

  @Option(names = "--scale", paramLabel = "N", defaultValue = "4", description = "size of the generated vocabulary, in copies of the rules (default: ${DEFAULT-VALUE})")
  int scale;

  @Option(names = "--linked-scales", paramLabel = "N", split = ",", defaultValue = "1",
      description = "sizes of the vocabularies with linked conditional constraints, in copies of the rules, e.g. 1,2,4,8 for the growth; 0 for none (default: ${DEFAULT-VALUE})")
  List<Integer> linkedScales;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE})")
  Common.Format format;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    common.noAsOf(cl, "bench");
    Path rules = common.rulesDir();
    if (starts < 1 || batch < 1 || scale < 1) {
      String what = starts < 1 ? "--starts" : batch < 1 ? "--batch" : "--scale";
      int value = starts < 1 ? starts : batch < 1 ? batch : scale;
      throw new CommandLine.ParameterException(cl, "`" + what + "` must be a whole number of 1 or more, not `" + value + "`");
    }
    Path file = proposal != null ? proposal : defaultProposal(rules);
    if (file == null || !Files.isRegularFile(file)) {
      cl.getErr().println("no proposal to measure with: pass a proposal FILE (there is no `cases/` folder beside the rules)");
      return ExitCode.BAD_INPUT;
    }
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("java.class.path");
    List<String> flags = new java.util.ArrayList<>(JVM_FLAGS);
    Path jar = Path.of(classpath).toAbsolutePath();
    Path archive = jar.resolveSibling("redline.jsa");
    if (classpath.endsWith(".jar") && Files.isRegularFile(archive)) {
      // bin/redline's class-data sharing archive, dumped for this jar by absolute path
      classpath = jar.toString();
      flags.add("-XX:SharedArchiveFile=" + archive);
    }
    if (classpath.endsWith(".jar")) {
      // bin/redline's compiled-rules cache: filled by the first start, read by the measured ones
      flags.add("-Dredline.cache=" + jar.resolveSibling("rules-cache"));
    }
    List<Integer> linked = linkedScales.stream().filter(n -> n != 0).toList();
    if (linked.stream().anyMatch(n -> n < 0 || n > 16)) {
      cl.getErr().println("`--linked-scales` takes sizes from 1 to 16, or 0 for none, not `" + linkedScales + "`");
      return ExitCode.BAD_INPUT;
    }
    Bench.Config config =
        new Bench.Config(rules, file, java, flags, classpath, Main.class.getName(), Bare.class.getName(), starts, batch, scale, linked, 42L);
    return ExploreCommand.guarded(
        cl,
        progress -> {
          Bench.Result r;
          try {
            r = Bench.run(config, progress);
          } catch (RulesException e) {
            progress.done();
            common.printErrors(cl, format, "the rules in `" + rules + "` failed to load", e.diagnostics());
            return ExitCode.RULES;
          } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
          }
          progress.done();
          if (format == Common.Format.json) {
            cl.getOut().print(Json.write(BenchReport.json(r)));
          } else {
            BenchReport.text(r, cl.getOut(), common.style());
          }
          cl.getOut().flush();
          return ExitCode.OK;
        });
  }

  /** The US 28-point plan of {@code cases/} beside the rules folder, else its first case, else none. */
  private static Path defaultProposal(Path rules) throws java.io.IOException {
    Path parent = rules.toAbsolutePath().getParent();
    Path cases = parent == null ? Path.of("cases") : parent.resolve("cases");
    if (Files.isRegularFile(cases.resolve("us-28-point-plan.json"))) {
      return cases.resolve("us-28-point-plan.json");
    }
    if (Files.isDirectory(cases)) {
      List<Path> found = Inputs.expand(List.of(cases), new java.util.ArrayList<>());
      if (!found.isEmpty()) {
        return found.get(0);
      }
    }
    return null;
  }

  /**
   * The bare cold-start baseline: a JVM that reads the same proposal JSON with Jackson and prints
   * one line, and nothing else (no rules, no picocli).
   */
  static final class Bare {
    private Bare() {}

    /** Reads the JSON file {@code args[0]} and prints how many terms it sets. */
    public static void main(String[] args) throws java.io.IOException {
      JsonNode root = new ObjectMapper().readTree(new File(args[0]));
      JsonNode terms = root.get("terms");
      System.out.println(root.path("id").asText() + ": " + (terms == null ? 0 : terms.size()) + " terms");
    }
  }
}
