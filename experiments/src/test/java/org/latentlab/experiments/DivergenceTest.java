package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CheckpointFormat;

/**
 * A learning rate that makes the loss diverge ends the run with a message naming the iteration, the
 * step and the loss term, a failed run record and report, and the last good checkpoint on disk.
 */
class DivergenceTest {
  @TempDir Path dir;

  @Test
  void aDivergingRunFailsClearlyAndKeepsItsLastGoodCheckpoint() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("diverge.yaml"), """
        name: diverge
        seed: 5
        dataset: {type: mnist-10k, trainSize: 256, testSize: 64}
        model: {type: test-dense-sgd, learningRate: 40}
        training: {epochs: 20, batchSize: 32, logEvery: 1, checkpointEvery: 2}
        """);
    Launch run = Launch.of("run", descriptor.toString(), "--runs", dir.resolve("runs").toString(), "--quiet");

    assertThat(run.code()).as(run.err()).isEqualTo(1);
    Matcher m = Pattern.compile("training diverged at iteration (\\d+) \\(epoch \\d+\\): step 'autoencoder', loss term"
        + " 'loss' became (NaN|Infinity).*\\(last good checkpoint: checkpoints/iteration-(\\d+)\\.ckpt\\)").matcher(run.err());
    assertThat(m.find()).as("divergence message in: %s", run.err()).isTrue();
    int divergedAt = Integer.parseInt(m.group(1));
    int lastGood = Integer.parseInt(m.group(3));
    assertThat(lastGood).isLessThan(divergedAt);

    Path folder;
    try (Stream<Path> runs = Files.list(dir.resolve("runs/diverge"))) {
      folder = runs.findFirst().orElseThrow();
    }
    JsonNode record = new ObjectMapper().readTree(folder.resolve("provenance.json").toFile());
    assertThat(record.get("status").asText()).isEqualTo("failed");
    assertThat(record.get("failure").asText()).contains("diverged at iteration " + divergedAt);
    assertThat(Files.readString(folder.resolve("report.html"))).contains("failed").contains("diverged");
    Map<String, HostTensor> state = CheckpointFormat.read(folder.resolve(String.format("checkpoints/iteration-%07d.ckpt", lastGood)));
    assertThat(state).containsKeys("encoder/weight", "decoder/weight");
    for (HostTensor t : state.values()) {
      for (float v : t.data()) {
        assertThat(Float.isFinite(v)).as("checkpointed values are finite").isTrue();
      }
    }
    try (Stream<Path> kept = Files.list(folder.resolve("checkpoints"))) {
      List<Path> files = kept.toList();
      assertThat(files).as("the two newest checkpoints are kept").hasSizeLessThanOrEqualTo(2);
    }
  }
}
