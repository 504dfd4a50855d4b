package org.example.kmeans;

/**
 * Agreement between a clustering and class labels. Labels below 0 (unknown) are ignored throughout.
 */
final class ClusterScores {
  private ClusterScores() {}

  /**
   * The most frequent label in each of {@code k} clusters ({@code -1} for a cluster without labelled
   * points; the lower label on ties).
   */
  static int[] majorityLabels(int[] clusters, int[] labels, int k, int numClasses) {
    int[][] counts = contingency(clusters, labels, k, numClasses);
    int[] majority = new int[k];
    for (int c = 0; c < k; c++) {
      majority[c] = -1;
      int best = 0;
      for (int y = 0; y < numClasses; y++) {
        if (counts[c][y] > best) {
          best = counts[c][y];
          majority[c] = y;
        }
      }
    }
    return majority;
  }

  /**
   * Purity: the share of labelled points whose label is the majority label of their cluster
   * ({@code majority}, e.g. from {@link #majorityLabels} on the training split); {@code NaN} when no
   * point is labelled.
   */
  static double purity(int[] clusters, int[] labels, int[] majority) {
    int labelled = 0;
    int hits = 0;
    for (int i = 0; i < clusters.length; i++) {
      if (labels[i] >= 0) {
        labelled++;
        if (majority[clusters[i]] == labels[i]) {
          hits++;
        }
      }
    }
    return labelled == 0 ? Double.NaN : (double) hits / labelled;
  }

  /**
   * Normalised mutual information with the arithmetic-mean normalisation (Strehl &amp; Ghosh 2002
   * use the geometric mean; scikit-learn's default is this one):
   * {@code NMI(C, Y) = 2 I(C; Y) / (H(C) + H(Y))}, with entropies in nats over the labelled points.
   * 1 when the partitions agree up to renaming, 0 when they are independent; 1 when both are a single
   * group, {@code NaN} when no point is labelled.
   */
  static double nmi(int[] clusters, int[] labels) {
    int k = 0;
    int numClasses = 0;
    for (int i = 0; i < clusters.length; i++) {
      if (labels[i] >= 0) {
        k = Math.max(k, clusters[i] + 1);
        numClasses = Math.max(numClasses, labels[i] + 1);
      }
    }
    int[][] counts = contingency(clusters, labels, k, numClasses);
    int[] clusterTotals = new int[k];
    int[] classTotals = new int[numClasses];
    int n = 0;
    for (int c = 0; c < k; c++) {
      for (int y = 0; y < numClasses; y++) {
        clusterTotals[c] += counts[c][y];
        classTotals[y] += counts[c][y];
        n += counts[c][y];
      }
    }
    if (n == 0) {
      return Double.NaN;
    }
    double hc = entropy(clusterTotals, n);
    double hy = entropy(classTotals, n);
    if (hc == 0 && hy == 0) {
      return 1.0;
    }
    double mi = 0;
    for (int c = 0; c < k; c++) {
      for (int y = 0; y < numClasses; y++) {
        if (counts[c][y] > 0) {
          mi += (double) counts[c][y] / n * Math.log((double) counts[c][y] * n / ((double) clusterTotals[c] * classTotals[y]));
        }
      }
    }
    return Math.max(0, Math.min(1, 2 * mi / (hc + hy)));
  }

  private static int[][] contingency(int[] clusters, int[] labels, int k, int numClasses) {
    if (clusters.length != labels.length) {
      throw new IllegalArgumentException(clusters.length + " cluster assignments for " + labels.length + " labels");
    }
    int[][] counts = new int[k][numClasses];
    for (int i = 0; i < clusters.length; i++) {
      if (labels[i] >= 0) {
        counts[clusters[i]][labels[i]]++;
      }
    }
    return counts;
  }

  private static double entropy(int[] totals, int n) {
    double h = 0;
    for (int t : totals) {
      if (t > 0) {
        double p = (double) t / n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }
}
