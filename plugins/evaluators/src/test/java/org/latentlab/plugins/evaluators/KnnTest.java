package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KnnTest {

  /** Rows near the direction of one of {@code k} orthogonal unit vectors in {@code d = k} dimensions. */
  private static FeatureMatrix clusters(int n, int k, double noise, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * k];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(k);
      for (int j = 0; j < k; j++) {
        v[i * k + j] = (float) ((j == labels[i] ? 1 : 0) + noise * r.nextGaussian());
      }
    }
    return new FeatureMatrix(v, labels, k);
  }

  @Test
  void wellSeparatedClustersAreClassifiedAlmostPerfectly() {
    FeatureMatrix train = clusters(2000, 5, 0.1, 1);
    FeatureMatrix test = clusters(700, 5, 0.1, 2);
    for (double temperature : new double[] {0, 0.07}) {
      int[] p = Knn.classify(Encodings.unitRows(train), train.labels(), Encodings.unitRows(test), 5, 20, 5, temperature);
      assertThat(Knn.accuracy(p, test.labels())).isGreaterThan(0.99);
    }
  }

  @Test
  void theNearestNeighbourByCosineWins() {
    // training rows: class 0 along x, class 1 along y (long vectors: only the direction counts)
    float[] train = Encodings.unitRows(new FeatureMatrix(new float[] {1, 0, 100, 1, 0, 1, 1, 50}, new int[] {0, 0, 1, 1}, 2));
    float[] queries = Encodings.unitRows(new FeatureMatrix(new float[] {0.9f, 0.1f, 0.1f, 5f}, new int[] {0, 1}, 2));
    assertThat(Knn.classify(train, new int[] {0, 0, 1, 1}, queries, 2, 1, 2, 0)).containsExactly(0, 1);
  }

  @Test
  void unknownLabelsAreNotCounted() {
    assertThat(Knn.accuracy(new int[] {1, 0, 2}, new int[] {1, -1, 0})).isEqualTo(0.5);
  }

  @Test
  void blockedSearchAgreesWithANaiveOneAtOddSizes() {
    FeatureMatrix train = clusters(301, 7, 2.0, 3);
    FeatureMatrix test = clusters(37, 7, 2.0, 4);
    float[] tr = Encodings.unitRows(train);
    float[] te = Encodings.unitRows(test);
    int k = 5;
    int[] expected = new int[test.rows()];
    for (int q = 0; q < test.rows(); q++) {
      double[] sims = new double[train.rows()];
      Integer[] order = new Integer[train.rows()];
      for (int t = 0; t < train.rows(); t++) {
        for (int j = 0; j < 7; j++) {
          sims[t] += te[q * 7 + j] * tr[t * 7 + j];
        }
        order[t] = t;
      }
      java.util.Arrays.sort(order, (a, b) -> Double.compare(sims[b], sims[a]));
      int[] votes = new int[7];
      for (int i = 0; i < k; i++) {
        votes[train.labels()[order[i]]]++;
      }
      int best = 0;
      for (int c = 1; c < 7; c++) {
        if (votes[c] > votes[best]) {
          best = c;
        }
      }
      expected[q] = best;
    }
    assertThat(Knn.classify(tr, train.labels(), te, 7, k, 7, 0)).containsExactly(expected);
  }
}
