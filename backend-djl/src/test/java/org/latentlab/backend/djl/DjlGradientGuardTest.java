package org.latentlab.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The trainer computes a step again when a gradient is not finite or above {@link DjlTrainer#GRADIENT_LIMIT}:
 * a transient bad gradient leaves no trace (same result as a clean step, same random draws), a persistent one is
 * applied after {@link DjlTrainer#MAX_ATTEMPTS} attempts so that divergence detection can report it.
 */
class DjlGradientGuardTest {
  private static Backend backend;

  @BeforeAll
  static void open() {
    backend = new DjlBackendProvider().create(new DjlParameters(1));
  }

  @AfterAll
  static void close() {
    backend.close();
  }

  /** {@code loss = sum(w * (x + noise)) * scale(call)}: the gradient is {@code (x + noise) * scale(call)}. */
  private static TrainingStep step(AtomicInteger calls, float firstCallsScale, int badCalls) {
    return new TrainingStep("s", (ops, b) -> {
      int call = calls.incrementAndGet();
      Tensor noisy = ops.math().add(b.get("x"), ops.random().normal(0, 1, 4));
      Tensor loss = ops.math().sum(ops.math().mul(ops.param("w"), noisy));
      return Losses.of(call <= badCalls ? ops.math().scale(loss, firstCallsScale) : loss);
    }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.1, 0, 0));
  }

  private static float[] trainOnce(TrainingStep step) {
    ParameterStore store = new ParameterStore(1);
    store.trainable("w", new int[] {4}, Initializers.constant(1f), 4, 1);
    try (var session = backend.open(store, 7)) {
      Trainer trainer = session.trainer(TrainingProgram.single(step));
      trainer.step("s", Map.of("x", HostTensor.of(new int[] {4}, 1, 2, 3, 4)));
      assertThat(trainer.stepsRun()).isEqualTo(1);
      return session.readState().get("w").data();
    }
  }

  @Test
  void aTransientBadGradientIsComputedAgainAndLeavesNoTrace() {
    AtomicInteger cleanCalls = new AtomicInteger();
    float[] clean = trainOnce(step(cleanCalls, 1f, 0));
    assertThat(cleanCalls).hasValue(1);
    AtomicInteger calls = new AtomicInteger();
    float[] retried = trainOnce(step(calls, 1e30f, 1));
    assertThat(calls).as("loss evaluations").hasValue(2);
    assertThat(retried).containsExactly(clean);
    AtomicInteger nanCalls = new AtomicInteger();
    float[] afterNan = trainOnce(step(nanCalls, Float.NaN, 2));
    assertThat(nanCalls).hasValue(3);
    assertThat(afterNan).containsExactly(clean);
  }

  @Test
  void aPersistentBadGradientIsAppliedAfterTheLastAttempt() {
    AtomicInteger calls = new AtomicInteger();
    float[] w = trainOnce(step(calls, 1e30f, Integer.MAX_VALUE));
    assertThat(calls).hasValue(DjlTrainer.MAX_ATTEMPTS);
    assertThat(Math.abs(w[0])).isGreaterThan(1e20f);
    assertThat(List.of(w[0], w[1], w[2], w[3])).allMatch(Float::isFinite);
  }
}
