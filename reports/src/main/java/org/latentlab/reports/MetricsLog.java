package org.latentlab.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a report needs from {@code metrics.jsonl}: loss curves per training step and the latest value of
 * every evaluation metric. Blank lines, unreadable lines (a run killed mid-write) and unknown record
 * types are skipped.
 */
final class MetricsLog {

  /** Step name used for train records that name none. */
  static final String DEFAULT_STEP = "training";

  private final Map<String, LossCurveChart> charts = new LinkedHashMap<>();
  private final Map<String, Double> evaluationMetrics = new LinkedHashMap<>();

  private MetricsLog() {}

  /** Reads {@code file}; a missing file gives an empty log. */
  static MetricsLog read(Path file, ObjectMapper json) throws IOException {
    MetricsLog log = new MetricsLog();
    if (!Files.isRegularFile(file)) {
      return log;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode record;
      try {
        record = json.readTree(line);
      } catch (IOException e) {
        continue;
      }
      if (record != null && record.isObject()) {
        log.accept(record);
      }
    }
    return log;
  }

  private void accept(JsonNode record) {
    String type = record.path("type").asText("");
    if (type.equals("train")) {
      JsonNode iteration = record.get("iteration");
      JsonNode losses = record.get("losses");
      if (iteration == null || !iteration.isNumber() || losses == null || !losses.isObject()) {
        return;
      }
      String step = record.path("step").asText(DEFAULT_STEP);
      LossCurveChart chart = charts.computeIfAbsent(step.isBlank() ? DEFAULT_STEP : step, LossCurveChart::new);
      for (Iterator<Map.Entry<String, JsonNode>> it = losses.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getValue().isNumber()) {
          chart.add(e.getKey(), iteration.asDouble(), e.getValue().asDouble());
        }
      }
    } else if (type.equals("evaluation")) {
      putNumbers(record.get("metrics"), evaluationMetrics);
    }
  }

  /** Copies the numeric fields of a JSON object into {@code into}. */
  static void putNumbers(JsonNode metrics, Map<String, Double> into) {
    if (metrics == null || !metrics.isObject()) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNumber()) {
        into.put(e.getKey(), e.getValue().asDouble());
      }
    }
  }

  /** Loss charts by training step, in order of first appearance; empty charts are left out. */
  List<LossCurveChart> charts() {
    return charts.values().stream().filter(c -> !c.isEmpty()).toList();
  }

  /** The latest value of each evaluation metric, in order of first appearance. */
  Map<String, Double> evaluationMetrics() {
    return evaluationMetrics;
  }
}
