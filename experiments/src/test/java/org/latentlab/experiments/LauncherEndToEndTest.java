package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a tiny quickstart through the launcher's command line on each backend and checks the run
 * folder, that the model learned, that the probe beat chance, and that a second run with the same seed
 * gives identical metrics.
 */
class LauncherEndToEndTest {
  private static final String TINY_QUICKSTART = """
      name: tiny-quickstart
      seed: 7
      backend: {type: djl}
      dataset: {type: mnist-10k, trainSize: 1024, testSize: 512}
      model: {type: conv-autoencoder, latentDim: 16, channels: 8}
      training: {epochs: 4, batchSize: 64, logEvery: 4}
      evaluators:
        - {type: linear-probe, epochs: 15, l2: [0.001], baselines: [raw-pixels]}
        - {type: reconstruction-error}
      """;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;



  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void tinyQuickstartLearnsAndWritesACompleteRunFolder(String backend) throws Exception {
    Path descriptor = dir.resolve("tiny.yaml");
    Files.writeString(descriptor, TINY_QUICKSTART);
    Path runs = dir.resolve("runs");

    Launch first = Launch.of("run", descriptor.toString(), "--backend", backend, "--runs", runs.toString(), "--quiet");
    assertThat(first.code()).as(first.err()).isZero();
    Path run = onlyRun(runs.resolve("tiny-quickstart"));
    for (String file : List.of("descriptor.yaml", "provenance.json", "metrics.jsonl", "evaluations.json",
        "checkpoints/final.ckpt", "samples/reconstructions.png", "report.html")) {
      assertThat(run.resolve(file)).as(file).isRegularFile();
    }
    JsonNode provenance = json.readTree(run.resolve("provenance.json").toFile());
    assertThat(provenance.get("status").asText()).isEqualTo("completed");
    assertThat(provenance.get("seed").asLong()).isEqualTo(7);
    assertThat(provenance.toString()).contains("\"" + backend + "\"");
    assertThat(provenance.get("data").get(0).get("sha256").asText()).hasSize(64);

    List<Double> losses = trainLosses(run);
    assertThat(losses.get(losses.size() - 1)).as("final loss vs first %s", losses).isLessThan(0.8 * losses.get(0));
    double probe = metric(run, "linear-probe/accuracy");
    assertThat(probe).as("probe accuracy, chance is 0.1").isGreaterThan(0.5);
    assertThat(metric(run, "linear-probe/raw-pixels/accuracy")).isGreaterThan(0.5);
    assertThat(Files.readString(run.resolve("report.html"))).contains("Linear probe").contains("raw-pixels");
    Files.delete(run.resolve("report.html"));
    Launch report = Launch.of("report", run.toString());
    assertThat(report.code()).as(report.err()).isZero();
    assertThat(run.resolve("report.html")).as("report rebuilt by 'latentlab report'").isRegularFile();

    Launch second = Launch.of("run", descriptor.toString(), "--backend", backend, "--runs", runs.toString(), "--quiet");
    assertThat(second.code()).as(second.err()).isZero();
    try (Stream<Path> s = Files.list(runs.resolve("tiny-quickstart"))) {
      List<Path> both = s.sorted().toList();
      assertThat(both).hasSize(2);
      assertThat(evaluationLines(both.get(1))).isEqualTo(evaluationLines(both.get(0)));
      assertThat(trainLosses(both.get(1))).isEqualTo(trainLosses(both.get(0)));
    }
  }

  @Test
  void invalidDescriptorExitsTwoWithAllProblemsAndWritesNoRunFolder() throws Exception {
    Path descriptor = dir.resolve("broken.yaml");
    Files.writeString(descriptor, """
        name: broken
        dataset: {type: idx, trainImages: nowhere/a.gz, trainLabels: nowhere/b.gz, testImages: nowhere/c.gz, testLabels: nowhere/d.gz}
        model: {type: conv-autoencoder, latentDimm: 4, latentDim: -3}
        """);
    Path runs = dir.resolve("runs");
    for (String[] args : List.of(new String[] {"validate", descriptor.toString()},
        new String[] {"run", descriptor.toString(), "--runs", runs.toString()})) {
      Launch o = Launch.of(args);
      assertThat(o.code()).isEqualTo(2);
      assertThat(o.err()).contains("model.latentDimm: unknown field")
          .contains("model.latentDim must be > 0 (was -3)")
          .contains("dataset.trainImages")
          .doesNotContain("Exception");
    }
    assertThat(runs).doesNotExist();
  }

  @Test
  void pluginsListsEveryBuiltInProviderWithItsOrigin() {
    Launch o = Launch.of("plugins");
    assertThat(o.code()).isZero();
    assertThat(o.out()).contains("backend").contains("djl").contains("mnist-10k").contains("idx")
        .contains("conv-autoencoder").contains("linear-probe").contains("reconstruction-error")
        .containsPattern("backend-djl[^\\n]*");
  }

  private static Path onlyRun(Path parent) throws Exception {
    try (Stream<Path> s = Files.list(parent)) {
      List<Path> runs = s.toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }

  private List<Double> trainLosses(Path run) throws Exception {
    List<Double> out = new ArrayList<>();
    for (String line : Files.readAllLines(run.resolve("metrics.jsonl"))) {
      JsonNode n = json.readTree(line);
      if (n.get("type").asText().equals("train")) {
        out.add(n.get("losses").get("loss").asDouble());
      }
    }
    return out;
  }

  private List<String> evaluationLines(Path run) throws Exception {
    return Files.readAllLines(run.resolve("metrics.jsonl")).stream().filter(l -> l.contains("\"evaluation\"")).toList();
  }

  private double metric(Path run, String name) throws Exception {
    for (String line : evaluationLines(run)) {
      JsonNode m = json.readTree(line).get("metrics");
      if (m.has(name)) {
        return m.get(name).asDouble();
      }
    }
    throw new AssertionError("no metric " + name + " in " + run);
  }
}
