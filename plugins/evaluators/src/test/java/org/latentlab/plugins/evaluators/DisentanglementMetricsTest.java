package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DisentanglementMetricsTest {
  private static final int N = 10_000;
  private static final int[] VALUES = {3, 6, 10};

  private static int[][] factors(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[][] f = new int[VALUES.length][N];
    for (int k = 0; k < VALUES.length; k++) {
      for (int i = 0; i < N; i++) {
        f[k][i] = r.nextInt(VALUES[k]);
      }
    }
    return f;
  }

  private static float[] noise(SplittableRandom r) {
    float[] u = new float[N];
    for (int i = 0; i < N; i++) {
      u[i] = (float) r.nextGaussian();
    }
    return u;
  }

  /** One unit per factor (its value, rescaled), then a pure-noise unit. */
  private static float[][] faithfulCodes(int[][] f, long seed) {
    float[][] units = new float[f.length + 1][];
    for (int k = 0; k < f.length; k++) {
      units[k] = new float[N];
      for (int i = 0; i < N; i++) {
        units[k][i] = 0.5f * f[k][i] - 1;
      }
    }
    units[f.length] = noise(new SplittableRandom(seed));
    return units;
  }

  @Test
  void codesEqualToTheFactorsHaveMigOne() {
    int[][] f = factors(1);
    DisentanglementMetrics.Mig mig = DisentanglementMetrics.mig(faithfulCodes(f, 2), f, 20);
    assertThat(mig.score()).isCloseTo(1, within(0.02));
    assertThat(mig.topUnit()).containsExactly(0, 1, 2);
    assertThat(mig.entropy()[2]).isCloseTo(Math.log(10), within(0.01));
  }

  @Test
  void pureNoiseCodesHaveMigAboutZero() {
    int[][] f = factors(3);
    SplittableRandom r = new SplittableRandom(4);
    float[][] units = {noise(r), noise(r), noise(r), noise(r)};
    assertThat(DisentanglementMetrics.mig(units, f, 20).score()).isBetween(0.0, 0.02);
  }

  @Test
  void codesEqualToTheFactorsHaveFactorVaeScoreOne() {
    int[][] f = factors(5);
    DisentanglementMetrics.FactorVae fv = DisentanglementMetrics.factorVae(faithfulCodes(f, 6), f, 2000, 1000, 64, 7);
    assertThat(fv.score()).isEqualTo(1.0);
    assertThat(fv.unitToFactor()).startsWith(0, 1, 2);
    assertThat(fv.activeUnits()).isEqualTo(4);
  }

  @Test
  void collapsedUnitsAreNotActiveAndCastNoVotes() {
    int[][] f = factors(11);
    float[][] faithful = faithfulCodes(f, 12);
    float[][] units = Arrays.copyOf(faithful, faithful.length + 1);
    // a unit collapsed to the prior: its mean barely moves (sd 1e-3 against the others' order 1)
    float[] collapsed = noise(new SplittableRandom(13));
    for (int i = 0; i < collapsed.length; i++) {
      collapsed[i] *= 1e-3f;
    }
    units[faithful.length] = collapsed;
    DisentanglementMetrics.FactorVae fv = DisentanglementMetrics.factorVae(units, f, 2000, 1000, 64, 14);
    assertThat(fv.activeUnits()).isEqualTo(faithful.length);
    assertThat(fv.unitToFactor()[faithful.length]).isEqualTo(-1);
  }

  @Test
  void pureNoiseCodesHaveALowFactorVaeScore() {
    int[][] f = factors(8);
    SplittableRandom r = new SplittableRandom(9);
    float[][] units = {noise(r), noise(r), noise(r)};
    // the majority classifier can do no better than the most frequent factor per unit: about 1/3
    assertThat(DisentanglementMetrics.factorVae(units, f, 2000, 1000, 64, 10).score()).isLessThan(0.5);
  }
}
