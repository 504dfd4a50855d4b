package org.latentlab.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * A scalar operand must live until the backward pass that reads it. DJL's {@code mul(Number)} (and
 * {@code div(Number)}, once used for the count of a mean over axes, as in batch norm) builds the
 * scalar over a Java direct buffer and closes it right away; autograd keeps the tensor, so once the garbage
 * collector freed the buffer (and the allocator reused it) the gradient was scaled by garbage. This test
 * collects garbage and refills freed small blocks between the forward and the backward pass of every step.
 */
class DjlScalarOperandTest {
  /** Blocks written with a huge value, kept alive so the allocator cannot hand them out again. */
  private static final List<ByteBuffer> FILLERS = new ArrayList<>();

  @Test
  void aScaleFactorSurvivesGarbageCollectionBeforeTheBackwardPass() throws Exception {
    int steps = 20;
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(1))) {
      ParameterStore store = new ParameterStore(1);
      store.trainable("w", new int[] {64}, Initializers.constant(1f), 64, 1);
      TrainingStep step = new TrainingStep("s", (ops, b) -> {
        Tensor loss = ops.math().sum(ops.math().addScalar(ops.math().scale(ops.param("w"), 3f), 0.5f));
        collectGarbageAndRefill();
        return Losses.of(loss);
      }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.25, 0, 0));
      try (var session = backend.open(store, 1)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        for (int i = 0; i < steps; i++) {
          trainer.step("s", Map.of());
        }
        // d loss / d w = 3 at every step: w = 1 - 0.25 * 3 * steps, exactly representable.
        float expected = 1f - 0.75f * steps;
        for (float w : session.readState().get("w").data()) {
          assertThat(w).isEqualTo(expected);
        }
      }
    } finally {
      FILLERS.clear();
    }
  }

  @Test
  void theCountOfAMeanOverAxesSurvivesGarbageCollectionBeforeTheBackwardPass() throws Exception {
    int steps = 20;
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(1))) {
      ParameterStore store = new ParameterStore(1);
      store.trainable("w", new int[] {4, 16}, Initializers.constant(1f), 16, 1);
      TrainingStep step = new TrainingStep("s", (ops, b) -> {
        Tensor loss = ops.math().sum(ops.math().mean(ops.param("w"), true, 1));
        collectGarbageAndRefill();
        return Losses.of(loss);
      }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.5, 0, 0));
      try (var session = backend.open(store, 1)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        for (int i = 0; i < steps; i++) {
          trainer.step("s", Map.of());
        }
        // d loss / d w = 1/16 at every step: w = 1 - 0.5 / 16 * steps, exactly representable.
        float expected = 1f - 0.03125f * steps;
        for (float w : session.readState().get("w").data()) {
          assertThat(w).isEqualTo(expected);
        }
      }
    } finally {
      FILLERS.clear();
    }
  }

  private static void collectGarbageAndRefill() {
    try {
      for (int round = 0; round < 3; round++) {
        System.gc();
        Thread.sleep(20);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (int i = 0; i < 256; i++) {
      ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
      b.putFloat(0, 1e19f);
      FILLERS.add(b);
    }
  }
}
