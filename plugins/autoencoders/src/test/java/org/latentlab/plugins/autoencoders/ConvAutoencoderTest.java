package org.latentlab.plugins.autoencoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Trainer;
import org.latentlab.testkit.TestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvAutoencoderTest {
  private static Backend backend;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  private static Model build(ParameterStore store, ConvAutoencoderParameters p, int side) {
    return new ConvAutoencoderProvider().create(p, new ModelContext(Scope.root(store), new DataShape(1, side, side, 10)));
  }

  /** Images of one bright axis-aligned rectangle each: simple structure an autoencoder can learn. */
  private static HostTensor rectangles(int n, int side, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * side * side];
    for (int i = 0; i < n; i++) {
      int x0 = r.nextInt(side - 4);
      int y0 = r.nextInt(side - 4);
      int w = 2 + r.nextInt(side - x0 - 2);
      int h = 2 + r.nextInt(side - y0 - 2);
      for (int y = y0; y < Math.min(side, y0 + h); y++) {
        for (int x = x0; x < Math.min(side, x0 + w); x++) {
          v[i * side * side + y * side + x] = 1f;
        }
      }
    }
    return new HostTensor(v, new int[] {n, 1, side, side});
  }

  @Test
  void reconstructionLossFallsAtATinyBudget() {
    ParameterStore store = new ParameterStore(3);
    Model model = build(store, new ConvAutoencoderParameters(8, "bce", 8, 3e-3, null), 16);
    HostTensor data = rectangles(64, 16, 11);
    try (ComputeSession session = backend.open(store, 3)) {
      Trainer trainer = session.trainer(model.program());
      float first = trainer.step("autoencoder", Map.of("x", data)).get("loss");
      float last = first;
      for (int i = 0; i < 80; i++) {
        last = trainer.step("autoencoder", Map.of("x", data)).get("loss");
      }
      assertThat(last).as("loss after 80 steps vs first %s", first).isLessThan(0.6f * first);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {28, 16, 30, 8})
  void encodesToTheLatentSizeAndReconstructsTheInputShape(int side) {
    ParameterStore store = new ParameterStore(1);
    Model model = build(store, new ConvAutoencoderParameters(5, "mse", 4, null, 0.1), side);
    HostTensor x = rectangles(3, side, 2);
    try (ComputeSession session = backend.open(store, 1)) {
      HostTensor z = session.compile(model.functions().get(Model.Functions.ENCODE)).apply(Map.of("x", x)).get("z");
      HostTensor r = session.compile(model.functions().get(Model.Functions.RECONSTRUCT)).apply(Map.of("x", x)).get("x");
      assertThat(z.shape()).containsExactly(3, 5);
      assertThat(r.shape()).containsExactly(3, 1, side, side);
      for (float v : r.data()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void rejectsImagesTooSmallForTwoHalvings() {
    assertThatThrownBy(() -> build(new ParameterStore(1), new ConvAutoencoderParameters(4, null, 4, null, null), 3))
        .hasMessageContaining("too small");
  }

  @Test
  void validationNamesEachBadField() {
    Problems problems = new Problems();
    new ConvAutoencoderParameters(0, "l1", -1, 0.0, 2.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field)
        .containsExactly("latentDim", "loss", "channels", "learningRate", "inputNoise");
    assertThat(problems.all().get(1).message()).isEqualTo("loss must be one of bce, mse (was l1)");
  }
}
