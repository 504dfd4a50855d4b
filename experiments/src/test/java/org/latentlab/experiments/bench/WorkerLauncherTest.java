package org.latentlab.experiments.bench;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worker failures reach the user with the worker's own words (no training: the workers stop early). */
class WorkerLauncherTest {
  private static final Path QUICKSTART =
      Path.of(System.getProperty("latentlab.repo.root", ".."), "experiments", "catalog", "quickstart.yaml");
  private final JvmLaunch launch = JvmLaunch.current();
  private final WorkerLauncher launcher = new WorkerLauncher(launch);

  @Test
  void aWorkerExitingNonZeroFailsWithTheTailOfItsStandardError() {
    List<String> command = launcher.frameworkCommand(QUICKSTART, "jax", new BenchProtocol(8, 1, 1, 1), 1);

    assertThatThrownBy(() -> launcher.run(BenchResult.FRAMEWORK, "jax", command))
        .isInstanceOf(WorkerFailedException.class)
        .hasMessage("framework worker on jax exited with code 2")
        .asInstanceOf(type(WorkerFailedException.class))
        .extracting(WorkerFailedException::stderrTail).asString().contains("no backend 'jax'; available: djl");
  }

  @Test
  void aWorkerPrintingNoResultLineFails() {
    List<String> command = launch.command(WorkerLauncher.FRAMEWORK_MODULE, WorkerLauncher.FRAMEWORK_MAIN,
        List.of("--version"));

    assertThatThrownBy(() -> launcher.run(BenchResult.FRAMEWORK, "djl", command))
        .isInstanceOf(WorkerFailedException.class)
        .hasMessage("framework worker on djl printed no result line");
  }
}
