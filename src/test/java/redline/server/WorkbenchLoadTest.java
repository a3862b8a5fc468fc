package redline.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redline.Cli;
import redline.engine.Evaluator;
import redline.load.ProposalReader;
import redline.model.Proposal;
import redline.model.Term;

/**
 * A bounded load test: a fixed number of evaluations of every shipped case and of proposals drawn
 * at random from the vocabulary, sent from several
 * threads at once, stopping by itself. Every answer must be 200 and identical to what
 * {@code redline evaluate --format json} says about the same case. Throughput and the 95th
 * percentile latency are printed and written to {@code target/workbench-load.txt} (recorded in
 * README), never asserted: they depend on the machine.
 */
class WorkbenchLoadTest {
  static final int THREADS = 4;
  static final int REQUESTS_PER_THREAD = 60;

  static final int RANDOM_PROPOSALS = 40;

  @Test
  void concurrentEvaluationsAllAgreeWithTheCli(@TempDir Path tmp) throws Exception {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.list(Served.CASES)) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(files::add);
    }
    // and proposals drawn at random from the vocabulary (seeded), some terms left open
    Random random = new Random(12);
    Evaluator coherence = new Evaluator(Served.book());
    for (int i = 0; i < RANDOM_PROPOSALS; i++) {
      ObjectNode p = Served.JSON.createObjectNode();
      p.put("id", "random-" + i);
      ObjectNode terms = p.putObject("terms");
      for (Term t : Served.book().vocabulary().terms().values()) {
        if (random.nextInt(6) == 0) {
          continue; // open
        }
        List<String> options = new ArrayList<>(t.options().keySet());
        switch (t.kind()) {
          case ONE -> terms.put(t.name(), options.get(random.nextInt(options.size())));
          case SET -> {
            var list = terms.putArray(t.name());
            options.stream().filter(o -> random.nextBoolean()).forEach(list::add);
          }
          case NUMBER -> {
            List<Integer> values = new ArrayList<>(t.values());
            int v = values.isEmpty() ? random.nextInt(1_000_000) : values.get(random.nextInt(values.size())) + random.nextInt(3) - 1;
            if (!t.flags().isEmpty() && random.nextBoolean()) {
              ObjectNode n = terms.putObject(t.name());
              n.put("value", Math.max(0, v));
              t.flags().keySet().forEach(f -> n.put(f, random.nextBoolean()));
            } else if (t.allowsNone() && random.nextInt(4) == 0) {
              terms.put(t.name(), "NONE");
            } else {
              terms.put(t.name(), Math.max(0, v));
            }
          }
        }
      }
      Path f = tmp.resolve("random-" + i + ".json");
      Files.write(f, Served.JSON.writeValueAsBytes(p));
      Proposal drawn = new ProposalReader(Served.book().vocabulary()).read(f, f.toString()).proposal();
      if (!coherence.evaluate(drawn).errors().isEmpty()) {
        i--; // terms that cannot exist together: draw again
        continue;
      }
      files.add(f);
    }
    // what the CLI says, file by file
    List<String> args = new ArrayList<>(List.of("evaluate", "--rules", "rules", "--format", "json"));
    files.forEach(f -> args.add(f.toString()));
    Cli cli = Cli.run(args.toArray(new String[0]));
    assertEquals(0, cli.exit(), cli.transcript());
    Map<String, JsonNode> expected = new HashMap<>();
    for (JsonNode e : Served.JSON.readTree(cli.out()).get("evaluations")) {
      expected.put(e.get("proposal").get("id").asText(), withoutFile(e));
    }
    List<byte[]> bodies = new ArrayList<>();
    for (Path f : files) {
      bodies.add(Files.readAllBytes(f));
    }
    try (Served served = new Served()) {
      // warm up: one pass, not timed
      for (byte[] b : bodies) {
        assertEquals(200, served.post("/api/evaluate", b).status());
      }
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      List<String> failures = Collections.synchronizedList(new ArrayList<>());
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long start = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < REQUESTS_PER_THREAD; i++) {
                    byte[] body = bodies.get((offset * 7 + i) % bodies.size());
                    long t0 = System.nanoTime();
                    try {
                      Served.Answer a = served.post("/api/evaluate", body);
                      latencies.add(System.nanoTime() - t0);
                      if (a.status() != 200) {
                        failures.add("status " + a.status() + ": " + a.json());
                        continue;
                      }
                      JsonNode e = a.json().get("evaluations").get(0);
                      JsonNode want = expected.get(e.get("proposal").get("id").asText());
                      if (!withoutFile(e).equals(want)) {
                        failures.add("differs from the CLI: " + e.get("proposal").get("id").asText());
                      }
                    } catch (Exception ex) {
                      failures.add(ex.toString());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      long elapsed = System.nanoTime() - start;
      pool.shutdown();
      assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + (failures.isEmpty() ? "" : failures.get(0)));
      int n = THREADS * REQUESTS_PER_THREAD;
      assertEquals(n, latencies.size());
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      double p50 = sorted.get(n / 2) / 1e6;
      double p95 = sorted.get((int) Math.ceil(n * 0.95) - 1) / 1e6;
      double perSecond = n / (elapsed / 1e9);
      String line =
          String.format(
              Locale.ROOT,
              "workbench load: %d evaluations of %d proposals (the cases and random ones) from %d threads in %.2f s: %.0f requests/s, latency p50 %.1f ms, p95 %.1f ms, %d cores%n",
              n, bodies.size(), THREADS, elapsed / 1e9, perSecond, p50, p95, Runtime.getRuntime().availableProcessors());
      System.out.print(line);
      Files.writeString(Path.of("target/workbench-load.txt"), line);
    }
  }

  private static JsonNode withoutFile(JsonNode evaluation) {
    ObjectNode copy = evaluation.deepCopy();
    ((ObjectNode) copy.get("proposal")).remove("file");
    return copy;
  }
}
