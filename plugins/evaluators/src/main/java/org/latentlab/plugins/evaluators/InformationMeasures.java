package org.latentlab.plugins.evaluators;

import java.util.Map;
import java.util.TreeMap;

/** Plug-in entropies and mutual information of discrete variables (natural logarithms), and discretisation. */
final class InformationMeasures {
  private InformationMeasures() {}

  /** Entropy {@code -sum p log p} of the counts (summing to {@code n}). */
  static double entropy(long[] counts, long n) {
    double h = 0;
    for (long c : counts) {
      if (c > 0) {
        double p = c / (double) n;
        h -= p * Math.log(p);
      }
    }
    return h;
  }

  /** Entropy of the discrete values {@code a} (non-negative indices). */
  static double entropy(int[] a) {
    return entropy(ClusterScores.rowSums(ClusterScores.contingency(a, new int[a.length])), a.length);
  }

  /** Mutual information {@code sum p_ij log(p_ij / (p_i p_j))} of a contingency table over {@code n} items. */
  static double mutualInformation(long[][] table, long n) {
    long[] ra = ClusterScores.rowSums(table);
    long[] cb = ClusterScores.columnSums(table);
    double mi = 0;
    for (int i = 0; i < table.length; i++) {
      for (int j = 0; j < table[i].length; j++) {
        long c = table[i][j];
        if (c > 0) {
          mi += c / (double) n * Math.log((double) c * n / ((double) ra[i] * cb[j]));
        }
      }
    }
    return Math.max(0, mi);
  }

  /** Mutual information of two discrete variables. */
  static double mutualInformation(int[] a, int[] b) {
    return mutualInformation(ClusterScores.contingency(a, b), a.length);
  }

  /**
   * Equal-width histogram bins over {@code [min, max]} of the values, as disentanglement_lib's
   * {@code np.digitize(x, np.histogram(x, bins)[1][:-1])} (the maximum falls in the last bin).
   */
  static int[] histogram(float[] values, int bins) {
    float min = Float.POSITIVE_INFINITY;
    float max = Float.NEGATIVE_INFINITY;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    int[] out = new int[values.length];
    double width = (max - (double) min) / bins;
    if (!(width > 0)) {
      return out;
    }
    for (int i = 0; i < values.length; i++) {
      out[i] = (int) Math.min(bins - 1, Math.max(0, Math.floor((values[i] - (double) min) / width)));
    }
    return out;
  }

  /**
   * A factor's values as indices: its distinct values in increasing order when there are at most
   * {@code maxDistinct}, otherwise {@code bins} equal-width bins (a continuous factor).
   */
  static int[] discreteFactor(float[] values, int maxDistinct, int bins) {
    Map<Float, Integer> distinct = new TreeMap<>();
    for (float v : values) {
      distinct.putIfAbsent(v, 0);
      if (distinct.size() > maxDistinct) {
        return histogram(values, bins);
      }
    }
    int next = 0;
    for (Map.Entry<Float, Integer> e : distinct.entrySet()) {
      e.setValue(next++);
    }
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = distinct.get(values[i]);
    }
    return out;
  }
}
