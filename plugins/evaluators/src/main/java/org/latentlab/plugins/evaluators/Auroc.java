package org.latentlab.plugins.evaluators;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Area under the ROC curve as the Mann-Whitney statistic: {@code AUROC = (R+ - n+(n+ + 1)/2) / (n+ n-)}
 * with {@code R+} the sum of the positives' ranks among all scores (tied scores share their mean rank),
 * i.e. the probability that a random positive scores higher than a random negative, ties counted half.
 */
final class Auroc {
  private Auroc() {}

  /** AUROC of {@code scores} with {@code positive} marking the positives (higher score = more positive). */
  static double of(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    double rankSum = 0;
    long pos = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int t = i; t <= j; t++) {
        if (positive[order[t]]) {
          rankSum += rank;
          pos++;
        }
      }
      i = j + 1;
    }
    long neg = n - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException("AUROC needs positives and negatives (had " + pos + " and " + neg + ")");
    }
    return (rankSum - pos * (pos + 1) / 2.0) / ((double) pos * neg);
  }
}
