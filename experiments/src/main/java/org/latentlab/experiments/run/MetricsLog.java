package org.latentlab.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics.jsonl}: one JSON object per line, flushed as written so a killed run keeps what it
 * logged. Training lines: {@code {"type":"train","iteration":..,"epoch":..,"step":..,"losses":{..}}};
 * evaluation lines: {@code {"type":"evaluation","evaluator":..,"metrics":{..}}}.
 */
final class MetricsLog implements AutoCloseable {
  private final ObjectMapper json = new ObjectMapper();
  private final BufferedWriter out;

  MetricsLog(Path file) throws IOException {
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /**
   * Cuts {@code file} back to the training lines of iterations up to {@code iteration}, dropping later
   * ones, evaluation lines and a last line half-written when the process was killed: what a run
   * resumed from the checkpoint of that iteration appends to.
   */
  static void keepTrainingUpTo(Path file, long iteration) throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    ObjectMapper json = new ObjectMapper();
    StringBuilder kept = new StringBuilder();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      JsonNode node;
      try {
        node = json.readTree(line);
      } catch (IOException e) {
        continue;
      }
      if (node != null && "train".equals(node.path("type").asText()) && node.path("iteration").asLong() <= iteration) {
        kept.append(line).append(System.lineSeparator());
      }
    }
    AtomicFiles.writeString(file, kept.toString());
  }

  void train(long iteration, int epoch, String step, Map<String, Double> losses) {
    ObjectNode line = json.createObjectNode();
    line.put("type", "train");
    line.put("iteration", iteration);
    line.put("epoch", epoch);
    line.put("step", step);
    ObjectNode l = line.putObject("losses");
    losses.forEach(l::put);
    write(line);
  }

  void evaluation(String evaluator, Map<String, Double> metrics) {
    ObjectNode line = json.createObjectNode();
    line.put("type", "evaluation");
    line.put("evaluator", evaluator);
    ObjectNode m = line.putObject("metrics");
    metrics.forEach(m::put);
    write(line);
  }

  private void write(ObjectNode line) {
    try {
      out.write(json.writeValueAsString(line));
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to metrics.jsonl", e);
    }
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
