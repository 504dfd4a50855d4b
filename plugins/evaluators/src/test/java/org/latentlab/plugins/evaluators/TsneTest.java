package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.params.RandomStreams;

class TsneTest {
  private static final int PER_CLUSTER = 60;
  private static final int DIM = 10;

  /** Three Gaussian clusters (sd 1) whose centres are 20 apart in 10-D. */
  private static double[] clusters(int[] labels) {
    SplittableRandom r = new SplittableRandom(11);
    double[] x = new double[3 * PER_CLUSTER * DIM];
    for (int i = 0; i < 3 * PER_CLUSTER; i++) {
      int c = i % 3;
      labels[i] = c;
      for (int j = 0; j < DIM; j++) {
        x[i * DIM + j] = (j == c ? 20 : 0) + RandomStreams.gaussian(r);
      }
    }
    return x;
  }

  private static final Tsne.Settings SETTINGS = new Tsne.Settings(30, 500, 200, 7);

  @Test
  void separatesWellSeparatedClusters() {
    int n = 3 * PER_CLUSTER;
    int[] labels = new int[n];
    double[] x = clusters(labels);
    int[] calls = {0};
    double[] map = Tsne.embed(x, n, DIM, SETTINGS, i -> calls[0] = i);
    assertThat(calls[0]).isEqualTo(500);
    assertThat(map).hasSize(2 * n);
    assertThat(java.util.Arrays.stream(map).allMatch(Double::isFinite)).isTrue();
    assertThat(Tsne.knnAccuracy(map, n, 2, labels, 5)).isGreaterThan(0.95);
    // the clusters lie apart: the mean distance between centres far exceeds the spread within clusters
    double[][] centre = new double[3][2];
    for (int i = 0; i < n; i++) {
      centre[labels[i]][0] += map[2 * i] / PER_CLUSTER;
      centre[labels[i]][1] += map[2 * i + 1] / PER_CLUSTER;
    }
    double within = 0;
    for (int i = 0; i < n; i++) {
      within += Math.hypot(map[2 * i] - centre[labels[i]][0], map[2 * i + 1] - centre[labels[i]][1]) / n;
    }
    for (int a = 0; a < 3; a++) {
      for (int b = a + 1; b < 3; b++) {
        assertThat(Math.hypot(centre[a][0] - centre[b][0], centre[a][1] - centre[b][1])).isGreaterThan(3 * within);
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameMap() {
    int n = 3 * PER_CLUSTER;
    int[] labels = new int[n];
    double[] x = clusters(labels);
    Tsne.Settings shortRun = new Tsne.Settings(20, 300, 200, 7);
    double[] a = Tsne.embed(x, n, DIM, shortRun, i -> { });
    double[] b = Tsne.embed(x, n, DIM, shortRun, i -> { });
    double[] c = Tsne.embed(x, n, DIM, new Tsne.Settings(20, 300, 200, 8), i -> { });
    assertThat(a).containsExactly(b);
    assertThat(a).isNotEqualTo(c);
  }

  @Test
  void affinitiesAreSymmetricSumToOneAndMatchThePerplexity() {
    int n = 3 * PER_CLUSTER;
    int[] labels = new int[n];
    double[] x = clusters(labels);
    double[] p = Tsne.affinities(Tsne.squaredDistances(x, n, DIM), n, 15);
    double sum = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        sum += p[i * n + j];
        assertThat(p[i * n + j]).isEqualTo(p[j * n + i]);
      }
    }
    assertThat(sum).isCloseTo(1, within(1e-6));
    assertThat(Tsne.effectivePerplexity(30, 31)).isEqualTo(10);
    assertThat(Tsne.effectivePerplexity(30, 1000)).isEqualTo(30);
  }

  @Test
  void knnAccuracyIsLeaveOneOut() {
    // two tight groups far apart, one point of the second group mislabelled
    double[] points = {0, 0, 0.1, 0, 0.2, 0, 10, 0, 10.1, 0, 10.3, 0};
    int[] labels = {0, 0, 0, 1, 1, 0};
    // the last point's nearest other point is labelled 1; a point never counts as its own neighbour
    assertThat(Tsne.knnAccuracy(points, 6, 2, labels, 1)).isCloseTo(5 / 6.0, within(1e-12));
    assertThat(Tsne.knnAccuracy(points, 6, 2, new int[] {0, 0, 0, 1, 1, 1}, 2)).isEqualTo(1);
  }
}
