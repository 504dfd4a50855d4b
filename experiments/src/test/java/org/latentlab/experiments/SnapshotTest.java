package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CheckpointFormat;

/**
 * {@code training.snapshotEvery} keeps the model (without optimizer slots) before, during and after
 * training, and the evaluators show training as it went: the FID curve ends at the final FID, and the
 * samples at fixed noise get one row per snapshot.
 */
class SnapshotTest {
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void snapshotsAreKeptAndTheEvaluatorsDrawTrainingAsItWent() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("s.yaml"), """
        name: snap
        seed: 3
        backend: {type: tensorflow}
        dataset: {type: mnist-10k, trainSize: 512, testSize: 256}
        model: {type: dcgan, latentDim: 8, channels: 8, learningRate: 0.001}
        training: {epochs: 2, batchSize: 64, logEvery: 1, checkpointEvery: 4, snapshotEvery: 3}
        evaluators:
          - {type: generation, samples: 100, interpolations: 0, classifierEpochs: 1}
          - {type: sample-quality, samples: 200, classifierEpochs: 1}
        """);
    Launch run = Launch.of("run", descriptor.toString(), "--runs", dir.resolve("runs").toString(), "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    Path folder;
    try (Stream<Path> s = Files.list(dir.resolve("runs/snap"))) {
      folder = s.findFirst().orElseThrow();
    }
    // 2 epochs x 8 batches, two batches an iteration: 8 iterations; snapshots before, at 3 and 6, and after.
    Path snapshots = folder.resolve("checkpoints/snapshots");
    try (Stream<Path> s = Files.list(snapshots)) {
      assertThat(s.map(p -> p.getFileName().toString()).sorted()).containsExactly("iteration-0000000.ckpt",
          "iteration-0000003.ckpt", "iteration-0000006.ckpt", "iteration-0000008.ckpt");
    }
    Map<String, HostTensor> last = CheckpointFormat.read(snapshots.resolve("iteration-0000008.ckpt"));
    Map<String, HostTensor> fin = CheckpointFormat.read(folder.resolve("checkpoints/final.ckpt"));
    assertThat(last.keySet()).as("the model without the optimizer's slots").isNotEmpty()
        .allMatch(fin::containsKey).hasSizeLessThan(fin.size());
    last.forEach((name, value) -> assertThat(value.data()).as(name).containsExactly(fin.get(name).data()));

    List<JsonNode> results = new ArrayList<>();
    json.readTree(folder.resolve("evaluations.json").toFile()).forEach(results::add);
    JsonNode generation = results.get(0);
    JsonNode overTraining = find(generation.get("figures"), "samples-over-training");
    assertThat(overTraining.get("caption").asText()).contains("0, 3, 6, 8");
    JsonNode quality = results.get(1);
    JsonNode curve = find(quality.get("tables"), "FID-LeNet over training");
    List<String> iterations = new ArrayList<>();
    curve.get("rows").forEach(r -> iterations.add(r.get(0).asText()));
    assertThat(iterations).containsExactly("0", "3", "6", "8");
    double lastFid = Double.parseDouble(curve.get("rows").get(3).get(1).asText());
    assertThat(lastFid).as("the curve ends at the final FID").isCloseTo(
        quality.get("metrics").get("sample-quality/fid").asDouble(), within(1e-3));
    double firstFid = Double.parseDouble(curve.get("rows").get(0).get(1).asText());
    assertThat(firstFid).as("each point is its own snapshot's model").isNotCloseTo(lastFid, within(1e-3));
  }

  private static JsonNode find(JsonNode array, String nameOrTitle) {
    for (JsonNode n : array) {
      if (nameOrTitle.equals(n.path("name").asText()) || nameOrTitle.equals(n.path("title").asText())) {
        return n;
      }
    }
    throw new AssertionError(nameOrTitle + " not in " + array);
  }
}
