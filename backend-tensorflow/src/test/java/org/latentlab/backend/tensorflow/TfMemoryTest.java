package org.latentlab.backend.tensorflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.latentlab.testkit.BackendHarness;

/**
 * Thousands of steps and calls leave nothing behind: once traced, running a step adds nothing to the
 * graph and the resident size stays flat.
 */
class TfMemoryTest {

  @Test
  void thousandsOfStepsAndCallsKeepMemoryFlat() throws IOException {
    try (Backend backend = new TfBackendProvider().create(new TfParameters(null))) {
      ParameterStore store = new ParameterStore(1);
      Scope root = Scope.root(store);
      Sequential critic = Sequential.of(new Conv2d(root.child("d/c"), 1, 4, 4, 2, 1), new BatchNorm(root.child("d/bn"), 4),
          Activation.leakyRelu(0.2f), new Conv2d(root.child("d/out"), 4, 1, 4, 1, 0));
      Sequential generator = Sequential.of(new ConvTranspose2d(root.child("g/u"), 2, 1, 4, 2, 1), Activation.tanh());
      TrainingStep criticStep = new TrainingStep("critic", (ops, b) -> {
        Tensor fake = ops.stopGradient(generator.apply(ops, ops.random().normal(0, 1, 8, 2, 4, 4)));
        Tensor real = critic.apply(ops, b.get("x"));
        return Losses.of(ops.math().sub(ops.math().mean(critic.apply(ops, fake)), ops.math().mean(real)));
      }, ParameterGroup.under("d/"), OptimizerSpec.Adam.of(1e-3));
      TrainingStep generatorStep = new TrainingStep("generator", (ops, b) -> Losses.of(ops.math().neg(ops.math().mean(
          critic.apply(ops, generator.apply(ops, ops.random().normal(0, 1, 8, 2, 4, 4)))))),
          ParameterGroup.under("g/"), new OptimizerSpec.Sgd(1e-3, 0.9, 0));
      HostTensor x = BackendHarness.random(2, -1, 1, 8, 1, 8, 8);
      HostTensor z = BackendHarness.random(3, -1, 1, 4, 2, 4, 4);
      try (TfComputeSession session = (TfComputeSession) backend.open(store, 1)) {
        Trainer trainer = session.trainer(new TrainingProgram(List.of(criticStep, generatorStep), List.of(1, 1)));
        CompiledFunction sample = session.compile((ops, in) -> Map.of("y", generator.apply(ops, in.get("z"))));
        long rssAfterWarmUp = 0;
        int graphAfterWarmUp = 0;
        for (int i = 0; i < 2000; i++) {
          trainer.step("critic", Map.of("x", x));
          trainer.step("generator", Map.of());
          sample.apply(Map.of("z", z));
          if (i == 400) {
            rssAfterWarmUp = residentKib();
            graphAfterWarmUp = session.graphSize();
          }
        }
        assertThat(session.graphSize()).as("graph operations").isEqualTo(graphAfterWarmUp);
        assertThat(residentKib() - rssAfterWarmUp).as("resident growth over 1600 iterations, KiB")
            .isLessThan(128 * 1024);
      }
    }
  }

  private static long residentKib() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
