package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep executors as the launcher shows them, and the choices it refuses before anything runs. */
class SweepExecutorsTest {
  @TempDir Path dir;

  @Test
  void pluginsListsTheLocalAndTheSlurmExecutor() {
    Launch plugins = Launch.of("plugins");
    assertThat(plugins.code()).isZero();
    assertThat(plugins.out()).containsPattern("sweep-executor\\s+local\\s").containsPattern("sweep-executor\\s+slurm\\s");
  }

  @Test
  void anUnknownExecutorOrADetachedLocalSweepIsAClearError() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("d.yaml"), """
        name: tiny
        seeds: [1, 2]
        dataset: {type: mnist-10k, trainSize: 64, testSize: 32}
        model: {type: conv-autoencoder, channels: 4}
        training: {epochs: 1, batchSize: 64}
        """);
    Launch unknown = Launch.of("run", descriptor.toString(), "--executor", "pbs", "--runs", dir.resolve("runs").toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("executor.type: no sweep-executor called 'pbs'").contains("local").contains("slurm");
    Launch detached = Launch.of("run", descriptor.toString(), "--detach", "--runs", dir.resolve("runs").toString());
    assertThat(detached.code()).isEqualTo(2);
    assertThat(detached.err()).contains("--detach").contains("local executor's trials end with the launcher");
    assertThat(dir.resolve("runs")).doesNotExist();
  }
}
