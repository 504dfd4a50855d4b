package org.latentlab.plugins.evaluators;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Lloyd's k-means (squared Euclidean distance) with k-means++ seeding (Arthur &amp; Vassilvitskii
 * 2007: each further centre drawn with probability proportional to the squared distance to the
 * nearest centre so far) and several seeded restarts, keeping the one of least inertia (sum of squared
 * distances to the assigned centre). A cluster left empty is re-seeded with the row farthest from its
 * centre.
 */
final class KMeans {

  /**
   * A clustering.
   *
   * @param assignments cluster per row
   * @param centres     {@code k * d} centre coordinates
   * @param inertia     sum of squared distances of rows to their centres
   */
  record Result(int[] assignments, float[] centres, double inertia) {}

  private KMeans() {}

  /** Clusters the {@code n = values.length / dim} rows of {@code values} into {@code k} clusters. */
  static Result fit(float[] values, int dim, int k, int iterations, int restarts, long seed) {
    int n = values.length / dim;
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k-means needs 1 <= k <= rows (k=" + k + ", rows=" + n + ")");
    }
    SplittableRandom random = new SplittableRandom(seed);
    Result best = null;
    for (int r = 0; r < restarts; r++) {
      Result result = once(values, n, dim, k, iterations, random.split());
      if (best == null || result.inertia() < best.inertia()) {
        best = result;
      }
    }
    return best;
  }

  private static Result once(float[] v, int n, int d, int k, int iterations, SplittableRandom random) {
    float[] centres = seed(v, n, d, k, random);
    int[] assign = new int[n];
    java.util.Arrays.fill(assign, -1);
    double[] dist = new double[n];
    for (int it = 0; it < Math.max(1, iterations); it++) {
      boolean changed = assignAll(v, n, d, centres, k, assign, dist);
      if (!changed && it > 0) {
        break;
      }
      double[] sum = new double[k * d];
      int[] count = new int[k];
      for (int i = 0; i < n; i++) {
        int c = assign[i];
        count[c]++;
        for (int j = 0; j < d; j++) {
          sum[c * d + j] += v[i * d + j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (count[c] == 0) {
          int far = 0;
          for (int i = 1; i < n; i++) {
            if (dist[i] > dist[far]) {
              far = i;
            }
          }
          System.arraycopy(v, far * d, centres, c * d, d);
          dist[far] = 0;
        } else {
          for (int j = 0; j < d; j++) {
            centres[c * d + j] = (float) (sum[c * d + j] / count[c]);
          }
        }
      }
    }
    assignAll(v, n, d, centres, k, assign, dist);
    double inertia = 0;
    for (double x : dist) {
      inertia += x;
    }
    return new Result(assign, centres, inertia);
  }

  /** Nearest centre of every row; returns whether any assignment changed. */
  private static boolean assignAll(float[] v, int n, int d, float[] centres, int k, int[] assign, double[] dist) {
    boolean[] changed = new boolean[1];
    IntStream.range(0, n).parallel().forEach(i -> {
      int best = 0;
      double bestD = Double.MAX_VALUE;
      for (int c = 0; c < k; c++) {
        double s = squared(v, i * d, centres, c * d, d);
        if (s < bestD) {
          bestD = s;
          best = c;
        }
      }
      dist[i] = bestD;
      if (assign[i] != best) {
        assign[i] = best;
        changed[0] = true;
      }
    });
    return changed[0];
  }

  private static float[] seed(float[] v, int n, int d, int k, SplittableRandom random) {
    float[] centres = new float[k * d];
    int first = random.nextInt(n);
    System.arraycopy(v, first * d, centres, 0, d);
    double[] nearest = new double[n];
    for (int i = 0; i < n; i++) {
      nearest[i] = squared(v, i * d, centres, 0, d);
    }
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (double x : nearest) {
        total += x;
      }
      int pick;
      if (total <= 0) {
        pick = random.nextInt(n);
      } else {
        double u = random.nextDouble() * total;
        pick = n - 1;
        for (int i = 0; i < n; i++) {
          u -= nearest[i];
          if (u < 0) {
            pick = i;
            break;
          }
        }
      }
      System.arraycopy(v, pick * d, centres, c * d, d);
      for (int i = 0; i < n; i++) {
        nearest[i] = Math.min(nearest[i], squared(v, i * d, centres, c * d, d));
      }
    }
    return centres;
  }

  private static double squared(float[] a, int ao, float[] b, int bo, int d) {
    double s = 0;
    for (int j = 0; j < d; j++) {
      double x = a[ao + j] - b[bo + j];
      s += x * x;
    }
    return s;
  }
}
