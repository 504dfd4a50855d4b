package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.latentlab.reports.MeanStd;

/**
 * A sweep's summary, read back from its run folders ({@code <sweep>/<point>/<run-id>/}): per grid
 * point, how many runs completed and every evaluation metric as mean and sample standard deviation
 * over its seeds; for a sweep run through an executor, also every trial that did not succeed, with its
 * state and log ({@code trials.json}). Written as {@code summary.json} and {@code summary.md} in the sweep
 * folder.
 */
public final class SweepSummary {
  private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One grid point.
   *
   * @param point     its label
   * @param runs      run folders found
   * @param completed runs that completed
   * @param metrics   statistics by metric name (completed runs only)
   */
  record Point(String point, int runs, int completed, Map<String, MeanStd> metrics) {}

  /** Summarises {@code sweep}'s run folders, writes the summary files and returns the table as text. */
  public String write(Path sweep) throws IOException {
    List<Point> points = new ArrayList<>();
    try (Stream<Path> s = Files.list(sweep)) {
      for (Path pointDir : s.filter(Files::isDirectory).sorted().toList()) {
        Point p = point(pointDir);
        if (p.runs() > 0) {
          points.add(p);
        }
      }
    }
    List<JsonNode> failed = failedTrials(sweep);
    ObjectNode root = json.createObjectNode();
    ArrayNode array = root.putArray("points");
    for (Point p : points) {
      ObjectNode n = array.addObject().put("point", p.point()).put("runs", p.runs()).put("completed", p.completed());
      ObjectNode m = n.putObject("metrics");
      p.metrics().forEach((k, v) -> m.putObject(k).put("mean", v.mean()).put("std", v.std()).put("n", v.n()));
    }
    ArrayNode failures = root.putArray("failedTrials");
    failed.forEach(failures::add);
    AtomicFiles.write(sweep.resolve("summary.json"), out -> json.writeValue(out, root));
    String table = table(points) + failedTable(failed);
    AtomicFiles.writeString(sweep.resolve("summary.md"), table);
    return table;
  }

  private Point point(Path pointDir) throws IOException {
    Map<String, List<Double>> values = new LinkedHashMap<>();
    int runs = 0;
    int completed = 0;
    try (Stream<Path> s = Files.list(pointDir)) {
      for (Path run : s.filter(d -> Files.isRegularFile(d.resolve("provenance.json"))).sorted().toList()) {
        runs++;
        if (!json.readTree(run.resolve("provenance.json").toFile()).path("status").asText().equals("completed")) {
          continue;
        }
        completed++;
        Path evaluations = run.resolve("evaluations.json");
        if (Files.isRegularFile(evaluations)) {
          for (JsonNode e : json.readTree(evaluations.toFile())) {
            e.path("metrics").fields().forEachRemaining(
                f -> values.computeIfAbsent(f.getKey(), k -> new ArrayList<>()).add(f.getValue().asDouble()));
          }
        }
      }
    }
    Map<String, MeanStd> stats = new LinkedHashMap<>();
    values.forEach((k, v) -> stats.put(k, MeanStd.of(v)));
    return new Point(pointDir.getFileName().toString(), runs, completed, stats);
  }

  /** The trials {@code trials.json} records as not succeeded; none without that file. */
  private List<JsonNode> failedTrials(Path sweep) throws IOException {
    Path file = sweep.resolve("trials.json");
    List<JsonNode> out = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (JsonNode t : json.readTree(file.toFile())) {
        if (!t.path("succeeded").asBoolean()) {
          out.add(t);
        }
      }
    }
    return out;
  }

  private static String failedTable(List<JsonNode> failed) {
    if (failed.isEmpty()) {
      return "";
    }
    StringBuilder sb = new StringBuilder("\nFailed trials (`latentlab run --retry-failed SWEEP_DIR` resubmits them):\n\n"
        + "| trial | point | seed | state | log |\n|---|---|---|---|---|\n");
    for (JsonNode t : failed) {
      sb.append("| ").append(t.path("index").asInt()).append(" | ").append(t.path("point").asText()).append(" | ")
          .append(t.path("seed").asLong()).append(" | ").append(t.path("state").asText())
          .append(t.path("detail").asText().isEmpty() ? "" : " (" + t.path("detail").asText() + ")").append(" | ")
          .append(t.path("log").asText()).append(" |\n");
    }
    return sb.toString();
  }

  private static String table(List<Point> points) {
    TreeSet<String> metrics = new TreeSet<>();
    points.forEach(p -> metrics.addAll(p.metrics().keySet()));
    StringBuilder sb = new StringBuilder("| point | runs |");
    metrics.forEach(m -> sb.append(' ').append(m).append(" |"));
    sb.append("\n|---|---|");
    metrics.forEach(m -> sb.append("---|"));
    sb.append('\n');
    for (Point p : points) {
      sb.append("| ").append(p.point()).append(" | ").append(p.completed()).append('/').append(p.runs()).append(" |");
      for (String m : metrics) {
        MeanStd s = p.metrics().get(m);
        sb.append(' ').append(s == null ? "n/a" : String.format(Locale.ROOT, "%.4f ± %.4f", s.mean(), s.std()))
            .append(" |");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
