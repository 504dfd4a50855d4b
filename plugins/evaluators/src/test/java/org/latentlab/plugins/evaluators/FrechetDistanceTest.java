package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.tensor.HostTensor;

/** Known answers of the Frechet distance between fitted Gaussians. */
class FrechetDistanceTest {

  /** 500 rows of 6 correlated features. */
  private static HostTensor rows(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] v = new float[500 * 6];
    for (int i = 0; i < 500; i++) {
      double common = random.nextGaussian();
      for (int j = 0; j < 6; j++) {
        v[i * 6 + j] = (float) (common * (j + 1) * 0.3 + random.nextGaussian() * 0.5 + j);
      }
    }
    return new HostTensor(v, new int[] {500, 6});
  }

  private static HostTensor map(HostTensor t, float scale, float shift) {
    float[] v = t.data().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] = v[i] * scale + shift;
    }
    return new HostTensor(v, t.shape());
  }

  private static double traceOfCovariance(HostTensor t) {
    int n = t.shape()[0];
    int d = t.rowSize();
    double total = 0;
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += t.data()[i * d + j] / n;
      }
      double ss = 0;
      for (int i = 0; i < n; i++) {
        ss += Math.pow(t.data()[i * d + j] - mean, 2);
      }
      total += ss / (n - 1);
    }
    return total;
  }

  @Test
  void aSetIsAtDistanceZeroFromItself() {
    HostTensor a = rows(1);
    assertThat(FrechetDistance.between(a, a)).isCloseTo(0, within(1e-6));
  }

  @Test
  void aShiftAddsTheSquaredShiftOfTheMean() {
    HostTensor a = rows(2);
    // every feature shifted by 0.5: ||delta mu||^2 = 6 * 0.25, same covariance
    assertThat(FrechetDistance.between(a, map(a, 1, 0.5f))).isCloseTo(1.5, within(1e-4));
  }

  @Test
  void doublingAboutZeroCostsTheTraceOfTheCovariance() {
    HostTensor a = map(rows(3), 1, 0);
    // centre a so that scaling keeps the mean: then S2 = 4 S1 and the distance is tr(S1) + 4 tr(S1) - 4 tr(S1)
    int d = a.rowSize();
    int n = a.shape()[0];
    float[] v = a.data().clone();
    for (int j = 0; j < d; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += v[i * d + j] / n;
      }
      for (int i = 0; i < n; i++) {
        v[i * d + j] -= (float) mean;
      }
    }
    HostTensor centred = new HostTensor(v, a.shape());
    double trace = traceOfCovariance(centred);
    assertThat(FrechetDistance.between(centred, map(centred, 2, 0))).isCloseTo(trace, within(1e-3 * trace));
  }

  @Test
  void differentSamplesOfOneDistributionAreCloserThanOtherDistributions() {
    double same = FrechetDistance.between(rows(4), rows(5));
    double other = FrechetDistance.between(rows(4), map(rows(5), 1.5f, 1));
    assertThat(same).isLessThan(0.5);
    assertThat(other).isGreaterThan(10 * same);
  }

  @Test
  void refusesSetsOfDifferentWidthOrTooFewRows() {
    assertThatThrownBy(() -> FrechetDistance.between(rows(1), new HostTensor(new float[8], new int[] {2, 4})))
        .hasMessageContaining("same width");
    assertThatThrownBy(() -> FrechetDistance.between(new HostTensor(new float[6], new int[] {1, 6}), rows(1)))
        .hasMessageContaining("at least 2 rows");
  }
}
