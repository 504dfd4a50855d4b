package org.latentlab.backend.djl;

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
 * Thousands of steps leave nothing behind: DJL attaches a result to its first operand's manager, so a
 * slip would park arrays in the session (counted here) or leak native memory (resident size, checked).
 */
class DjlMemoryTest {
  private static final int STEPS = 2000;
  private static final int WARM_UP = 400;

  @Test
  void thousandsOfStepsAndCallsKeepArraysAndNativeMemoryFlat() throws IOException {
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(null))) {
      ParameterStore store = new ParameterStore(1);
      Scope root = Scope.root(store);
      Sequential critic = Sequential.of(new Conv2d(root.child("d/c"), 1, 4, 4, 2, 1), new BatchNorm(root.child("d/bn"), 4),
          Activation.leakyRelu(0.2f), new Conv2d(root.child("d/out"), 4, 1, 4, 1, 0));
      Sequential generator = Sequential.of(new ConvTranspose2d(root.child("g/u"), 2, 1, 4, 2, 1), Activation.tanh());
      // A GAN-like program: two steps over disjoint groups, with batch-norm state and random inputs.
      TrainingStep criticStep = new TrainingStep("critic", (ops, b) -> {
        Tensor fake = ops.stopGradient(generator.apply(ops, ops.random().normal(0, 1, 8, 2, 4, 4)));
        Tensor real = critic.apply(ops, b.get("x"));
        Tensor loss = ops.math().sub(ops.math().mean(critic.apply(ops, fake)), ops.math().mean(real));
        return new Losses(loss, Map.of("real", ops.math().mean(real)));
      }, ParameterGroup.under("d/"), OptimizerSpec.Adam.of(1e-3));
      TrainingStep generatorStep = new TrainingStep("generator", (ops, b) -> Losses.of(ops.math().neg(ops.math().mean(
          critic.apply(ops, generator.apply(ops, ops.random().normal(0, 1, 8, 2, 4, 4)))))),
          ParameterGroup.under("g/"), new OptimizerSpec.Sgd(1e-3, 0.9, 0));
      HostTensor x = BackendHarness.random(2, -1, 1, 8, 1, 8, 8);
      try (DjlComputeSession session = (DjlComputeSession) backend.open(store, 1)) {
        Trainer trainer = session.trainer(new TrainingProgram(List.of(criticStep, generatorStep), List.of(1, 1)));
        CompiledFunction sample = session.compile((ops, in) -> Map.of("y", generator.apply(ops, in.get("z"))));
        HostTensor z = BackendHarness.random(3, -1, 1, 4, 2, 4, 4);
        long rssAfterWarmUp = 0;
        for (int i = 0; i < STEPS; i++) {
          trainer.step("critic", Map.of("x", x));
          trainer.step("generator", Map.of());
          sample.apply(Map.of("z", z));
          if (i == WARM_UP) {
            rssAfterWarmUp = residentKib();
            assertThat(session.ownedArrays()).isEqualTo(store.entries().size());
          }
        }
        long growthKib = residentKib() - rssAfterWarmUp;
        System.out.printf("memory: %d iterations (critic step, generator step, call): resident %d -> %d KiB, session arrays %d%n",
            STEPS, rssAfterWarmUp, rssAfterWarmUp + growthKib, session.ownedArrays());
        assertThat(session.ownedArrays()).as("arrays the session holds").isEqualTo(store.entries().size());
        // The allocator makes the resident size wander by about 100 MiB; a kept graph (about 1 MiB a step,
        // as a careless second-order backward leaves) would add gigabytes.
        assertThat(growthKib).as("resident memory growth over %d iterations, KiB", STEPS - WARM_UP)
            .isLessThan(256 * 1024);
      }
    }
  }

  private static long residentKib() throws IOException {
    System.gc();
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status");
  }
}
