package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fine-tuning evaluator on a real run: the encoder of a trained autoencoder and a head learn the digits
 * from 100 labels, from the trained weights and from scratch, in a copy that leaves the run's model as it was.
 */
class FineTuneTest {
  private static final String DESCRIPTOR = """
      name: fine-tune
      seed: 3
      backend: {type: %s}
      dataset: {type: mnist-10k, trainSize: 600, testSize: 300}
      model: {type: conv-autoencoder, channels: 8, latentDim: 16}
      training: {epochs: 2, batchSize: 64}
      evaluators: [%s{type: reconstruction-error}]
      """;
  @TempDir Path dir;

  private Map<String, Double> run(String backend, String evaluators) throws Exception {
    Path file = Files.writeString(dir.resolve(backend + evaluators.length() + ".yaml"),
        DESCRIPTOR.formatted(backend, evaluators));
    Path runs = dir.resolve("runs" + backend + evaluators.length());
    Launch launch = Launch.of("run", file.toString(), "--runs", runs.toString(), "--quiet");
    assertThat(launch.code()).as(launch.out() + launch.err()).isZero();
    Map<String, Double> metrics = new HashMap<>();
    try (Stream<Path> s = Files.list(runs.resolve("fine-tune"))) {
      Path run = s.findFirst().orElseThrow();
      for (JsonNode e : new ObjectMapper().readTree(run.resolve("evaluations.json").toFile())) {
        e.path("metrics").fields().forEachRemaining(f -> metrics.put(f.getKey(), f.getValue().asDouble()));
      }
    }
    return metrics;
  }

  @Test
  void theEncoderLearnsFromAHundredLabelsInACopyOfTheModelOnBothBackends() throws Exception {
    for (String backend : new String[] {"djl", "tensorflow"}) {
      Map<String, Double> tuned = run(backend, "{type: fine-tune, counts: [100], steps: 150, batchSize: 32}, ");
      assertThat(tuned.get("fine-tune/100-labels/accuracy")).as(backend + ": pretrained, chance 0.1").isGreaterThan(0.4);
      assertThat(tuned.get("fine-tune/from-scratch/100-labels/accuracy")).as(backend + ": from scratch").isGreaterThan(0.4);
      Map<String, Double> plain = run(backend, "");
      assertThat(tuned.get("reconstruction-error/mse")).as(backend + ": the run's own model is untouched")
          .isEqualTo(plain.get("reconstruction-error/mse"));
    }
  }
}
