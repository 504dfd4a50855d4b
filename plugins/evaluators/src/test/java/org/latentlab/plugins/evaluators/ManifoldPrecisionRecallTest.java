package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.tensor.HostTensor;

/** Known answers of the k-nearest-neighbour manifold precision and recall. */
class ManifoldPrecisionRecallTest {

  /** {@code n} points in 2-D around the given cluster centres (x positions on a line), spread 0.1. */
  private static HostTensor clusters(int n, long seed, float... centres) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[n * 2];
    for (int i = 0; i < n; i++) {
      v[2 * i] = centres[i % centres.length] + (float) (0.1 * random.nextGaussian());
      v[2 * i + 1] = (float) (0.1 * random.nextGaussian());
    }
    return new HostTensor(v, new int[] {n, 2});
  }

  @Test
  void aSetAgainstItselfHasFullPrecisionAndRecall() {
    HostTensor real = clusters(200, 1, 0, 10);
    ManifoldPrecisionRecall.Result r = ManifoldPrecisionRecall.of(real, real, 3);
    assertThat(r.precision()).isEqualTo(1.0);
    assertThat(r.recall()).isEqualTo(1.0);
  }

  @Test
  void samplesFarFromTheDataHaveNeitherPrecisionNorRecall() {
    ManifoldPrecisionRecall.Result r = ManifoldPrecisionRecall.of(clusters(200, 1, 0), clusters(200, 2, 50), 3);
    assertThat(r.precision()).isZero();
    assertThat(r.recall()).isZero();
  }

  @Test
  void aGeneratorCoveringOneOfTwoModesIsPreciseButRecallsHalf() {
    HostTensor real = clusters(400, 3, 0, 10);
    HostTensor oneMode = clusters(400, 4, 0);
    ManifoldPrecisionRecall.Result r = ManifoldPrecisionRecall.of(real, oneMode, 3);
    assertThat(r.precision()).isGreaterThan(0.95);
    assertThat(r.recall()).isCloseTo(0.5, within(0.05));
  }

  @Test
  void refusesSetsNoLargerThanK() {
    assertThatThrownBy(() -> ManifoldPrecisionRecall.of(clusters(3, 1, 0), clusters(10, 1, 0), 3))
        .hasMessageContaining("more than k = 3");
  }
}
