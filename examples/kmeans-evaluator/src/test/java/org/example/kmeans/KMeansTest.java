package org.example.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

  /** {@code perCluster} points around each of {@code centres}, Gaussian noise of std {@code noise}. */
  static double[][] blobs(double[][] centres, int perCluster, double noise, long seed, int[] labelsOut) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] points = new double[centres.length * perCluster][];
    for (int i = 0; i < points.length; i++) {
      int c = i % centres.length;
      labelsOut[i] = c;
      points[i] = new double[centres[c].length];
      for (int j = 0; j < points[i].length; j++) {
        points[i][j] = centres[c][j] + noise * r.nextGaussian();
      }
    }
    return points;
  }

  private static final double[][] CENTRES = {{0, 0, 0}, {10, 0, 0}, {0, 10, 0}, {0, 0, 10}};

  @Test
  void wellSeparatedClustersAreRecoveredExactly() {
    int[] labels = new int[400];
    double[][] points = blobs(CENTRES, 100, 0.5, 1, labels);
    KMeans.Clustering c = KMeans.fit(points, 4, 50, 3, 7);

    int[] majority = ClusterScores.majorityLabels(c.assignments(), labels, 4, 4);
    assertThat(majority).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(ClusterScores.purity(c.assignments(), labels, majority)).isEqualTo(1.0);
    assertThat(ClusterScores.nmi(c.assignments(), labels)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void newPointsGoToTheNearestFittedCentre() {
    int[] labels = new int[400];
    KMeans.Clustering c = KMeans.fit(blobs(CENTRES, 100, 0.5, 1, labels), 4, 50, 3, 7);
    int[] testLabels = new int[200];
    double[][] test = blobs(CENTRES, 50, 0.5, 2, testLabels);
    int[] majority = ClusterScores.majorityLabels(c.assignments(), labels, 4, 4);
    assertThat(ClusterScores.purity(c.assign(test), testLabels, majority)).isEqualTo(1.0);
    for (int i = 0; i < CENTRES.length; i++) {
      assertThat(majority[c.nearest(CENTRES[i])]).isEqualTo(i);
    }
  }

  @Test
  void centresAreTheMeansOfTheirPoints() {
    double[][] points = {{0}, {1}, {2}, {10}, {11}, {12}};
    KMeans.Clustering c = KMeans.fit(points, 2, 50, 3, 1);
    assertThat(new double[] {c.centroids()[0][0], c.centroids()[1][0]}).containsExactlyInAnyOrder(1.0, 11.0);
    assertThat(c.inertia()).isEqualTo(4.0);
  }

  @Test
  void theSameSeedGivesTheSameClustering() {
    int[] labels = new int[300];
    double[][] points = blobs(CENTRES, 75, 4.0, 3, labels); // overlapping: the seeding matters
    assertThat(KMeans.fit(points, 4, 50, 3, 11).assignments()).isEqualTo(KMeans.fit(points, 4, 50, 3, 11).assignments());
  }

  @Test
  void moreRestartsNeverEndWithAHigherInertia() {
    int[] labels = new int[300];
    double[][] points = blobs(CENTRES, 75, 4.0, 3, labels);
    assertThat(KMeans.fit(points, 4, 50, 5, 11).inertia()).isLessThanOrEqualTo(KMeans.fit(points, 4, 50, 1, 11).inertia());
  }

  @Test
  void kMustFitTheNumberOfPoints() {
    assertThatThrownBy(() -> KMeans.fit(new double[][] {{0}, {1}}, 3, 10, 1, 0))
        .hasMessage("k must be in [1, 2] (was 3)");
  }
}
