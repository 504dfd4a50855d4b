package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KMeansTest {

  /** {@code n} points around each of {@code k} centres {@code (10 c, -10 c)}, labels in {@code labels}. */
  static float[] blobs(int k, int n, int[] labels, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[k * n * 2];
    for (int i = 0; i < k * n; i++) {
      int c = i % k;
      labels[i] = c;
      v[2 * i] = (float) (10 * c + r.nextGaussian());
      v[2 * i + 1] = (float) (-10 * c + r.nextGaussian());
    }
    return v;
  }

  @Test
  void separatedBlobsAreFoundExactly() {
    int[] labels = new int[4 * 100];
    float[] v = blobs(4, 100, labels, 1);
    KMeans.Result r = KMeans.fit(v, 2, 4, 100, 3, 7);
    assertThat(ClusterScores.nmi(r.assignments(), labels)).isEqualTo(1.0);
    assertThat(ClusterScores.ari(r.assignments(), labels)).isEqualTo(1.0);
  }

  @Test
  void theSameSeedGivesTheSameClustering() {
    int[] labels = new int[3 * 50];
    float[] v = blobs(3, 50, labels, 2);
    assertThat(KMeans.fit(v, 2, 5, 50, 2, 9).assignments()).containsExactly(KMeans.fit(v, 2, 5, 50, 2, 9).assignments());
  }
}
