package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.api.nn.GradientReversal;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;
import org.latentlab.testkit.TestBackends;

/**
 * The gradient reversal layer in a training step on both backends: its output is its input, and the gradient
 * below it is {@code -lambda} times the gradient above it (read off one SGD step of learning rate 1 on
 * {@code sum(c * R(p))}: plain, {@code p} moves by {@code -c}; reversed, by {@code +lambda c}).
 */
class GradientReversalTest {
  private static final float[] START = {0.5f, -1f, 2f};
  private static final float[] C = {1f, -2f, 0.5f};

  @ParameterizedTest
  @CsvSource({"djl, 1", "tensorflow, 1", "djl, 0.3", "tensorflow, 0.3", "djl, 0", "tensorflow, 0"})
  void reversalFlipsAndScalesTheGradientAndKeepsTheValue(String backend, float lambda) {
    float[] plain = step(backend, (ops, p) -> p);
    float[] reversed = step(backend, (ops, p) -> new GradientReversal(lambda).apply(ops, p));
    float[] scheduled = step(backend, (ops, p) -> GradientReversal.apply(ops, p, ops.scalar(lambda)));
    for (int i = 0; i < START.length; i++) {
      assertThat(START[i] - plain[i]).as("plain gradient").isCloseTo(C[i], within(1e-6f));
      assertThat(START[i] - reversed[i]).as("reversed gradient").isCloseTo(-lambda * C[i], within(1e-6f));
      assertThat(scheduled[i]).as("lambda as a tensor").isCloseTo(reversed[i], within(1e-6f));
    }
  }

  @ParameterizedTest
  @CsvSource({"djl", "tensorflow"})
  void forwardValueIsTheInputExactly(String backend) {
    try (ComputeSession session = TestBackends.shared(backend).open(new ParameterStore(1), 1)) {
      HostTensor x = HostTensor.of(new int[] {2, 3}, 0.1f, -3.7f, 1e-7f, 5e6f, 0f, 0.3333f);
      HostTensor out = session.compile((ops, in) -> Map.of("y", new GradientReversal(0.7f).apply(ops, in.get("x"))))
          .apply(Map.of("x", x)).get("y");
      assertThat(out.data()).as("bit for bit").isEqualTo(x.data());
    }
  }

  @Test
  void negativeOrNonFiniteLambdaIsRefused() {
    assertThatThrownBy(() -> new GradientReversal(-1f)).hasMessage("lambda must be a finite value >= 0 (was -1.0)");
    assertThatThrownBy(() -> new GradientReversal(Float.NaN)).hasMessageContaining("lambda");
  }

  private interface Wrap {
    Tensor apply(Ops ops, Tensor p);
  }

  /** The parameter after one SGD step (learning rate 1) on {@code sum(c * wrap(p))}. */
  private static float[] step(String backend, Wrap wrap) {
    ParameterStore store = new ParameterStore(1);
    store.trainable("p", new int[] {3}, (shape, fanIn, fanOut, r) -> START.clone(), 1, 1);
    TrainingStep step = new TrainingStep("check", (ops, batch) -> Losses.of(ops.math().sum(
        ops.math().mul(wrap.apply(ops, ops.param("p")), ops.constant(HostTensor.of(new int[] {3}, C))))),
        ParameterGroup.all(), new OptimizerSpec.Sgd(1, 0, 0));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 1)) {
      session.trainer(TrainingProgram.single(step)).step("check", Map.of());
      return session.readState().get("p").data();
    }
  }
}
