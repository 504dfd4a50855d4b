package org.latentlab.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.Initializers;
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

/** A tiny conv autoencoder learns on the DJL backend: its reconstruction loss falls. */
class DjlAutoencoderTest {
  @Test
  void aTinyConvAutoencodersLossFalls() {
    try (Backend backend = new DjlBackendProvider().create(new DjlParameters(null))) {
      ParameterStore store = new ParameterStore(7);
      Scope root = Scope.root(store);
      Sequential net = Sequential.of(
          new Conv2d(root.child("enc/conv"), 1, 8, 4, 2, 1), new BatchNorm(root.child("enc/bn"), 8), Activation.relu(),
          new Conv2d(root.child("enc/code"), 8, 4, 3, 1, 1), Activation.relu(),
          new ConvTranspose2d(root.child("dec/up"), 4, 1, 4, 2, 1, 0, Initializers.glorotNormal()));
      TrainingStep step = new TrainingStep("ae", (ops, b) -> {
        Tensor x = b.get("x");
        Tensor bce = ops.losses().binaryCrossEntropyWithLogits(net.apply(ops, x), x);
        return new Losses(bce, Map.of("bce", bce));
      }, ParameterGroup.all(), OptimizerSpec.Adam.of(1e-2));
      HostTensor x = blobs(16, 12);
      try (DjlComputeSession session = (DjlComputeSession) backend.open(store, 7)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        CompiledFunction reconstruct = session.compile((ops, in) -> Map.of("x", ops.nn().sigmoid(net.apply(ops, in.get("x")))));
        float first = trainer.step("ae", Map.of("x", x)).get(Losses.OBJECTIVE);
        float last = first;
        long start = System.nanoTime();
        int steps = 100; // enough to learn (a NaN here on AMD Zen 5 was oneDNN, see the pom's DNNL_MAX_CPU_ISA)
        for (int i = 0; i < steps; i++) {
          last = trainer.step("ae", Map.of("x", x)).get("bce");
        }
        double stepsPerSecond = steps / ((System.nanoTime() - start) / 1e9);
        System.out.printf("tiny conv autoencoder (batch 16, 12x12): loss %.4f -> %.4f, %.0f steps/s%n", first, last, stepsPerSecond);
        assertThat(last).isLessThan(0.75f * first);
        HostTensor r = reconstruct.apply(Map.of("x", x)).get("x");
        assertThat(r.shape()).containsExactly(16, 1, 12, 12);
        assertThat(meanSquaredError(r, x)).isLessThan(0.1);
        assertThat(session.ownedArrays()).isEqualTo(store.entries().size());
      }
    }
  }

  /** Images in [0, 1]: a bright square at a position that depends on the index. */
  private static HostTensor blobs(int n, int side) {
    HostTensor x = HostTensor.zeros(n, 1, side, side);
    for (int i = 0; i < n; i++) {
      int top = i % (side - 4);
      int left = (i * 3) % (side - 4);
      for (int y = top; y < top + 4; y++) {
        for (int c = left; c < left + 4; c++) {
          x.data()[(i * side + y) * side + c] = 1f;
        }
      }
    }
    return x;
  }

  private static double meanSquaredError(HostTensor a, HostTensor b) {
    double sum = 0;
    for (int i = 0; i < a.size(); i++) {
      double d = a.data()[i] - b.data()[i];
      sum += d * d;
    }
    return sum / a.size();
  }
}
