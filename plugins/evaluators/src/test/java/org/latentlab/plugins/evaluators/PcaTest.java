package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.params.RandomStreams;

class PcaTest {

  @Test
  void pointsOnALineAreExplainedByTheirDirection() {
    double[] direction = {1 / Math.sqrt(14), 3 / Math.sqrt(14), -2 / Math.sqrt(14)};
    int n = 200;
    double[] x = new double[n * 3];
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < n; i++) {
      double t = 5 * RandomStreams.gaussian(r);
      for (int j = 0; j < 3; j++) {
        x[i * 3 + j] = 7 + j + t * direction[j];
      }
    }
    Pca pca = Pca.fit(x, n, 3);
    assertThat(pca.explainedVariance(1)).isCloseTo(1, within(1e-9));
    assertThat(pca.explainedVariance(2)).isCloseTo(1, within(1e-9));
    assertThat(pca.component(0)).containsExactly(direction, within(1e-9));
    assertThat(pca.mean()[1]).isCloseTo(8, within(1.0));
    // the first coordinate of the projection is the position along the line
    double[] projected = pca.project(x, n, 2);
    for (int i = 1; i < n; i++) {
      double along = (x[i * 3] - x[0]) / direction[0];
      assertThat(projected[i * 2] - projected[0]).isCloseTo(along, within(1e-6));
      assertThat(projected[i * 2 + 1]).isCloseTo(0, within(1e-6));
    }
  }

  @Test
  void varianceIsSharedAccordingToTheAxesSpreads() {
    int n = 4000;
    double[] x = new double[n * 4];
    SplittableRandom r = new SplittableRandom(5);
    double[] sd = {1, 3, 0.5, 2};
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = sd[j] * RandomStreams.gaussian(r);
      }
    }
    Pca pca = Pca.fit(x, n, 4);
    double total = 1 + 9 + 0.25 + 4;
    assertThat(pca.explainedVariance(2)).isCloseTo(13 / total, within(0.02));
    assertThat(pca.variances()[0]).isCloseTo(9, within(0.5));
    assertThat(Math.abs(pca.component(0)[1])).isCloseTo(1, within(0.01));
    assertThat(Math.abs(pca.component(1)[3])).isCloseTo(1, within(0.01));
    assertThat(pca.variances()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
  }

  @Test
  void identicalPointsHaveNoVarianceToExplain() {
    Pca pca = Pca.fit(new double[] {1, 2, 1, 2, 1, 2}, 3, 2);
    assertThat(pca.explainedVariance(2)).isEqualTo(1);
    assertThat(pca.project(new double[] {1, 2}, 1, 2)).containsExactly(0, 0);
  }
}
