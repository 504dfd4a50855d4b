package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.TestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LinearProbeEvaluatorTest {
  private static final int SIDE = 8;
  private static Backend backend;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  /** Noisy images whose class (0-3) is the brighter quadrant; labels optionally scrambled. */
  private static ImageSet quadrants(int n, long seed, boolean scrambleLabels) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int cls = r.nextInt(4);
      labels[i] = scrambleLabels ? r.nextInt(4) : cls;
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int quadrant = (y < SIDE / 2 ? 0 : 2) + (x < SIDE / 2 ? 0 : 1);
          float base = quadrant == cls ? 0.6f : 0.3f;
          pixels[i * SIDE * SIDE + y * SIDE + x] = (float) Math.min(1, Math.max(0, base + 0.25 * r.nextGaussian()));
        }
      }
    }
    return new ImageSet(pixels, labels, 1, SIDE, SIDE);
  }

  /** An "encoder" that returns the four quadrant means: an ideal 4-d representation. */
  private static final CompiledFunction QUADRANT_MEANS = inputs -> {
    HostTensor x = inputs.get("x");
    int n = x.shape()[0];
    float[] z = new float[n * 4];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < SIDE; y++) {
        for (int c = 0; c < SIDE; c++) {
          int q = (y < SIDE / 2 ? 0 : 2) + (c < SIDE / 2 ? 0 : 1);
          z[i * 4 + q] += x.data()[i * SIDE * SIDE + y * SIDE + c] / (SIDE * SIDE / 4f);
        }
      }
    }
    return Map.of("z", new HostTensor(z, new int[] {n, 4}));
  };

  private static EvaluationContext context(Dataset data) {
    return EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, QUADRANT_MEANS), 5, backend);
  }

  private static Dataset dataset(boolean scramble) {
    return new Dataset("quadrants", quadrants(600, 1, scramble), quadrants(300, 2, scramble),
        List.of("a", "b", "c", "d"), List.of());
  }

  private static final LinearProbeParameters FAST =
      new LinearProbeParameters(List.of(1e-4, 1e-2), 0.2, 20, 64, 0.02, List.of("raw-pixels"), null);

  @Test
  void separableFeaturesAreProbedAlmostPerfectlyBesideTheRawPixelBaseline() throws Exception {
    Evaluation e = new LinearProbeEvaluator(FAST).evaluate(context(dataset(false)));
    assertThat(e.metrics().get("linear-probe/accuracy")).isGreaterThan(0.95);
    assertThat(e.metrics().get("linear-probe/raw-pixels/accuracy")).isGreaterThan(0.6);
    assertThat(e.tables()).singleElement().satisfies(t -> {
      assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("latent", "raw-pixels");
      assertThat(t.note()).contains("20% of the 600 training images").contains("300 test images");
    });
  }

  @Test
  void labelsUnrelatedToTheImagesStayNearChance() throws Exception {
    Evaluation e = new LinearProbeEvaluator(FAST).evaluate(context(dataset(true)));
    assertThat(e.metrics().get("linear-probe/accuracy")).isLessThan(0.4);
  }

  @Test
  void theSameSeedGivesTheSameAccuracy() throws Exception {
    double a = new LinearProbeEvaluator(FAST).evaluate(context(dataset(false))).metrics().get("linear-probe/accuracy");
    double b = new LinearProbeEvaluator(FAST).evaluate(context(dataset(false))).metrics().get("linear-probe/accuracy");
    assertThat(a).isEqualTo(b);
  }
}
