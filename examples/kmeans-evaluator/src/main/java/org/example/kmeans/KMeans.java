package org.example.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Lloyd's k-means with k-means++ seeding (Arthur &amp; Vassilvitskii 2007): the first centre is a
 * uniformly drawn point, each further one a point drawn with probability proportional to its squared
 * distance {@code D(x)^2} to the nearest centre chosen so far; then points are assigned to their
 * nearest centre and centres moved to the mean of their points until no assignment changes or the
 * iteration budget is spent. Of several restarts the one with the lowest inertia
 * {@code sum_i ||x_i - mu_c(i)||^2} is kept. An emptied cluster keeps its previous centre.
 */
final class KMeans {
  private KMeans() {}

  /**
   * A fitted clustering.
   *
   * @param centroids   {@code k} centres
   * @param assignments the cluster of each fitted point
   * @param inertia     within-cluster sum of squared distances
   */
  record Clustering(double[][] centroids, int[] assignments, double inertia) {

    /** Number of clusters. */
    int k() {
      return centroids.length;
    }

    /** The cluster whose centre is nearest to {@code point} (the lower index on ties). */
    int nearest(double[] point) {
      return KMeans.nearest(centroids, point);
    }

    /** The nearest cluster of every point. */
    int[] assign(double[][] points) {
      int[] out = new int[points.length];
      for (int i = 0; i < points.length; i++) {
        out[i] = nearest(points[i]);
      }
      return out;
    }
  }

  /** Fits {@code k} clusters to {@code points}; the same seed gives the same clustering. */
  static Clustering fit(double[][] points, int k, int iterations, int restarts, long seed) {
    if (k < 1 || k > points.length) {
      throw new IllegalArgumentException("k must be in [1, " + points.length + "] (was " + k + ")");
    }
    SplittableRandom random = new SplittableRandom(seed);
    Clustering best = null;
    for (int r = 0; r < restarts; r++) {
      Clustering c = lloyd(points, seedCentroids(points, k, random.split()), iterations);
      if (best == null || c.inertia() < best.inertia()) {
        best = c;
      }
    }
    return best;
  }

  /** k-means++ seeding. */
  static double[][] seedCentroids(double[][] points, int k, SplittableRandom random) {
    int n = points.length;
    double[][] centres = new double[k][];
    centres[0] = points[random.nextInt(n)].clone();
    double[] d2 = new double[n];
    Arrays.fill(d2, Double.POSITIVE_INFINITY);
    for (int c = 1; c < k; c++) {
      double total = 0;
      for (int i = 0; i < n; i++) {
        d2[i] = Math.min(d2[i], squaredDistance(points[i], centres[c - 1]));
        total += d2[i];
      }
      int chosen = n - 1;
      if (total > 0) {
        double target = random.nextDouble() * total;
        for (int i = 0; i < n; i++) {
          target -= d2[i];
          if (target < 0) {
            chosen = i;
            break;
          }
        }
      } else {
        chosen = random.nextInt(n); // every point sits on a centre already
      }
      centres[c] = points[chosen].clone();
    }
    return centres;
  }

  private static Clustering lloyd(double[][] points, double[][] centres, int iterations) {
    int n = points.length;
    int k = centres.length;
    int d = points[0].length;
    int[] assignments = new int[n];
    Arrays.fill(assignments, -1);
    for (int it = 0; it < iterations; it++) {
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        int c = nearest(centres, points[i]);
        if (c != assignments[i]) {
          assignments[i] = c;
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
      double[][] sums = new double[k][d];
      int[] counts = new int[k];
      for (int i = 0; i < n; i++) {
        counts[assignments[i]]++;
        double[] s = sums[assignments[i]];
        for (int j = 0; j < d; j++) {
          s[j] += points[i][j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] > 0) {
          for (int j = 0; j < d; j++) {
            centres[c][j] = sums[c][j] / counts[c];
          }
        }
      }
    }
    double inertia = 0;
    for (int i = 0; i < n; i++) {
      assignments[i] = nearest(centres, points[i]);
      inertia += squaredDistance(points[i], centres[assignments[i]]);
    }
    return new Clustering(centres, assignments, inertia);
  }

  private static int nearest(double[][] centres, double[] point) {
    int best = 0;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centres.length; c++) {
      double dist = squaredDistance(point, centres[c]);
      if (dist < bestDistance) {
        bestDistance = dist;
        best = c;
      }
    }
    return best;
  }

  static double squaredDistance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double diff = a[j] - b[j];
      s += diff * diff;
    }
    return s;
  }
}
