package org.latentlab.experiments.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The results of one {@code latentlab bench}: a table (backend, case, images/s, step time, start-up
 * time, peak memory, and the framework's speed as a multiple of the hand-written loop's on the same
 * backend) and the same as JSON.
 *
 * @param protocol the protocol every worker ran
 * @param rounds   how many times each case ran, alternating reference and framework JVMs
 * @param threads  intra-op threads every worker used
 * @param results  the workers' results, in the order they ran
 */
public record BenchReport(BenchProtocol protocol, int rounds, int threads, List<BenchResult> results) {
  private static final String ROW = "%-11s %-10s %10s %9s %11s %13s %14s%n";

  /** Copies the list. */
  public BenchReport {
    results = List.copyOf(results);
  }

  /** Per backend with both cases: framework images/s divided by reference images/s. */
  public Map<String, Double> ratios() {
    Map<String, Double> ratios = new LinkedHashMap<>();
    for (BenchResult framework : results) {
      if (framework.caseName().equals(BenchResult.FRAMEWORK)) {
        find(framework.backend(), BenchResult.REFERENCE).ifPresent(reference ->
            ratios.put(framework.backend(), framework.imagesPerSecond() / reference.imagesPerSecond()));
      }
    }
    return ratios;
  }

  /** The table, one row per result, the ratio on framework rows. */
  public String table() {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, ROW, "BACKEND", "CASE", "IMAGES/S", "STEP MS", "START-UP S", "PEAK RSS MiB",
        "VS REFERENCE"));
    Map<String, Double> ratios = ratios();
    for (BenchResult r : results) {
      Double ratio = r.caseName().equals(BenchResult.FRAMEWORK) ? ratios.get(r.backend()) : null;
      sb.append(String.format(Locale.ROOT, ROW, r.backend(), r.caseName(),
          String.format(Locale.ROOT, "%.0f", r.imagesPerSecond()),
          String.format(Locale.ROOT, "%.1f", r.stepMillis()),
          String.format(Locale.ROOT, "%.2f", r.startupMillis() / 1000.0),
          r.peakRssMiB() == null ? "n/a" : String.format(Locale.ROOT, "%.0f", r.peakRssMiB()),
          ratio == null ? "" : String.format(Locale.ROOT, "%.3fx", ratio)));
    }
    sb.append(String.format(Locale.ROOT,
        "batch %d, %d warm-up steps, median of %d round(s) x %d runs of %d steps, %d thread(s)%n",
        protocol.batch(), protocol.warmup(), rounds, protocol.runs(), protocol.steps(), threads));
    return sb.toString();
  }

  /** The report as JSON: {@code protocol}, {@code results} (the workers' lines) and {@code frameworkToReference}. */
  public ObjectNode json(ObjectMapper mapper) {
    ObjectNode root = mapper.createObjectNode();
    ObjectNode p = root.putObject("protocol");
    p.put("batch", protocol.batch());
    p.put("warmupSteps", protocol.warmup());
    p.put("rounds", rounds);
    p.put("runs", protocol.runs());
    p.put("stepsPerRun", protocol.steps());
    p.put("threads", threads);
    root.set("results", mapper.valueToTree(results));
    ObjectNode ratios = root.putObject("frameworkToReference");
    ratios().forEach(ratios::put);
    return root;
  }

  private Optional<BenchResult> find(String backend, String caseName) {
    return results.stream().filter(r -> r.backend().equals(backend) && r.caseName().equals(caseName)).findFirst();
  }
}
