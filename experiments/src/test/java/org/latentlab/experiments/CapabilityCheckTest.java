package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A descriptor whose model needs a capability its backend lacks is refused before any training,
 * naming the capability and the backends that have it; on a backend that has it, it runs.
 */
class CapabilityCheckTest {
  private static final String DESCRIPTOR = """
      name: penalty
      seed: 3
      backend: {type: djl}
      dataset: {type: mnist-10k, trainSize: 256, testSize: 128}
      model: {type: test-gradient-penalty}
      training: {epochs: 2, batchSize: 64, logEvery: 1}
      """;

  @TempDir Path dir;

  @Test
  void aMissingCapabilityIsRefusedBeforeTrainingNamingTheBackendsThatHaveIt() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("penalty.yaml"), DESCRIPTOR);
    Path runs = dir.resolve("runs");
    Launch validate = Launch.of("validate", descriptor.toString());
    Launch run = Launch.of("run", descriptor.toString(), "--runs", runs.toString(), "--quiet");
    for (Launch o : new Launch[] {validate, run}) {
      assertThat(o.code()).isEqualTo(2);
      assertThat(o.err()).contains("higher-order-gradients").contains("djl").contains("tensorflow")
          .doesNotContain("Exception");
    }
    assertThat(runs).doesNotExist();
  }

  @Test
  void theBackendThatHasTheCapabilityTrainsTheModel() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("penalty.yaml"), DESCRIPTOR);
    Launch run = Launch.of("run", descriptor.toString(), "--backend", "tensorflow", "--runs", dir.resolve("runs").toString(),
        "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readString(Files.list(dir.resolve("runs/penalty")).findFirst().orElseThrow()
        .resolve("metrics.jsonl"))).contains("penalty");
  }

  @Test
  void theCatalogsWganGpIsRefusedOnDjlBeforeTraining() {
    String file = Path.of(System.getProperty("latentlab.repo.root"), "experiments/catalog/gan-wgan-gp.yaml").toString();
    Path runs = dir.resolve("runs");
    Launch validate = Launch.of("validate", file, "--backend", "djl");
    Launch run = Launch.of("run", file, "--backend", "djl", "--runs", runs.toString(), "--quiet");
    for (Launch o : new Launch[] {validate, run}) {
      assertThat(o.code()).isEqualTo(2);
      assertThat(o.err()).contains("wgan-gp needs the capability 'higher-order-gradients'")
          .contains("backends that have it: tensorflow").doesNotContain("Exception");
    }
    assertThat(runs).doesNotExist();
  }
}
