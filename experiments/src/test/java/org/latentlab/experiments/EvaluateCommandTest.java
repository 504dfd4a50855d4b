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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latentlab evaluate} runs other evaluators on a completed run's final state, keeps the run's
 * other results, records it, and can do so on the other backend with the same result for a
 * backend-independent evaluator.
 */
class EvaluateCommandTest {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void evaluatorsRunAgainOnTheFinalStateOnEitherBackend() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("e.yaml"), """
        name: again
        seed: 2
        dataset: {type: mnist-10k, trainSize: 256, testSize: 128}
        model: {type: conv-autoencoder, channels: 4, latentDim: 8}
        training: {epochs: 2, batchSize: 64}
        evaluators: [{type: reconstruction-error}]
        """);
    Launch run = Launch.of("run", descriptor.toString(), "--runs", dir.resolve("runs").toString(), "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    Path folder;
    try (Stream<Path> s = Files.list(dir.resolve("runs/again"))) {
      folder = s.findFirst().orElseThrow();
    }
    double mse = evaluations(folder).get(0).get("metrics").get("reconstruction-error/mse").asDouble();
    Path list = Files.writeString(dir.resolve("list.yaml"), """
        evaluators:
          - {type: reconstruction-error}
          - {type: code-statistics}
        """);

    Launch again = Launch.of("evaluate", folder.toString(), "--evaluators", list.toString(), "--backend", "tensorflow",
        "--quiet");
    assertThat(again.code()).as(again.err()).isZero();
    List<JsonNode> results = evaluations(folder);
    assertThat(results).extracting(r -> r.get("evaluator").asText()).containsExactly("reconstruction-error",
        "code-statistics");
    assertThat(results.get(0).get("metrics").get("reconstruction-error/mse").asDouble())
        .as("the same trained state on the other backend").isCloseTo(mse, org.assertj.core.api.Assertions.within(1e-5));
    JsonNode record = json.readTree(folder.resolve("provenance.json").toFile());
    assertThat(record.get("evaluatedAgain").get(0).get("engine").asText()).contains("TensorFlow");
    assertThat(Files.readString(folder.resolve("report.html"))).contains("code-statistics");

    Launch missing = Launch.of("evaluate", dir.toString(), "--quiet");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a run folder");
  }

  private List<JsonNode> evaluations(Path folder) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    json.readTree(folder.resolve("evaluations.json").toFile()).forEach(out::add);
    return out;
  }
}
