package org.latentlab.plugins.evaluators;

import java.util.HashMap;
import java.util.Map;

/**
 * Agreement of two partitions of the same items.
 *
 * <ul>
 *   <li>NMI, normalised mutual information with arithmetic-mean normalisation (Strehl &amp; Ghosh 2002;
 *       Vinh et al. 2010; scikit-learn's default): {@code I(A; B) / ((H(A) + H(B)) / 2)}, natural logs,
 *       1 when both partitions are trivial (one group each).</li>
 *   <li>ARI, the adjusted Rand index (Hubert &amp; Arabie 1985):
 *       {@code (sum_ij C(n_ij, 2) - E) / ((sum_i C(a_i, 2) + sum_j C(b_j, 2)) / 2 - E)} with
 *       {@code E = sum_i C(a_i, 2) sum_j C(b_j, 2) / C(n, 2)} over the contingency table {@code n_ij}
 *       with row sums {@code a_i} and column sums {@code b_j}; 1 when the denominator vanishes.</li>
 * </ul>
 */
final class ClusterScores {
  private ClusterScores() {}

  /** Normalised mutual information, arithmetic-mean normalisation. */
  static double nmi(int[] a, int[] b) {
    long[][] table = contingency(a, b);
    double ha = InformationMeasures.entropy(rowSums(table), a.length);
    double hb = InformationMeasures.entropy(columnSums(table), a.length);
    if (ha == 0 && hb == 0) {
      return 1;
    }
    double mi = InformationMeasures.mutualInformation(table, a.length);
    return Math.max(0, Math.min(1, mi / ((ha + hb) / 2)));
  }

  /** Adjusted Rand index. */
  static double ari(int[] a, int[] b) {
    long[][] table = contingency(a, b);
    double index = 0;
    for (long[] row : table) {
      for (long x : row) {
        index += pairs(x);
      }
    }
    double sa = 0;
    for (long x : rowSums(table)) {
      sa += pairs(x);
    }
    double sb = 0;
    for (long x : columnSums(table)) {
      sb += pairs(x);
    }
    double total = pairs(a.length);
    double expected = total == 0 ? 0 : sa * sb / total;
    double max = (sa + sb) / 2;
    if (max == expected) {
      return 1;
    }
    return (index - expected) / (max - expected);
  }

  /** Counts of items per (group of a, group of b); groups renumbered densely in order of appearance. */
  static long[][] contingency(int[] a, int[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException("partitions of different sizes: " + a.length + " and " + b.length);
    }
    int[] da = dense(a);
    int[] db = dense(b);
    int ka = 0;
    int kb = 0;
    for (int i = 0; i < a.length; i++) {
      ka = Math.max(ka, da[i] + 1);
      kb = Math.max(kb, db[i] + 1);
    }
    long[][] table = new long[ka][kb];
    for (int i = 0; i < a.length; i++) {
      table[da[i]][db[i]]++;
    }
    return table;
  }

  private static int[] dense(int[] labels) {
    Map<Integer, Integer> index = new HashMap<>();
    int[] out = new int[labels.length];
    for (int i = 0; i < labels.length; i++) {
      out[i] = index.computeIfAbsent(labels[i], x -> index.size());
    }
    return out;
  }

  static long[] rowSums(long[][] table) {
    long[] out = new long[table.length];
    for (int i = 0; i < table.length; i++) {
      for (long x : table[i]) {
        out[i] += x;
      }
    }
    return out;
  }

  static long[] columnSums(long[][] table) {
    long[] out = new long[table.length == 0 ? 0 : table[0].length];
    for (long[] row : table) {
      for (int j = 0; j < row.length; j++) {
        out[j] += row[j];
      }
    }
    return out;
  }

  private static double pairs(long x) {
    return x * (x - 1) / 2.0;
  }
}
