package org.latentlab.plugins.evaluators;

/**
 * The one-to-one matching of a categorical code's values to classes that agrees most often with the
 * classes a classifier gives their samples ({@link Hungarian} on the counts), and that agreement: how an
 * unsupervised code that was never told the labels is scored against them (InfoGAN's c1 accuracy, Chen et
 * al. 2016). With more values than classes the values left over match no class and count as wrong.
 *
 * @param counts   {@code counts[k][c]}: samples of code value {@code k} labelled class {@code c}
 * @param matched  the class of each code value, or -1 for none
 * @param accuracy share of all samples whose label is the class matched to their code value
 */
record CategoryMatching(long[][] counts, int[] matched, double accuracy) {

  /** The matching for the labels of each code value's samples ({@code labels[k]}, classes {@code 0..classes-1}). */
  static CategoryMatching of(int[][] labels, int classes) {
    int values = labels.length;
    long[][] counts = new long[values][classes];
    long total = 0;
    for (int k = 0; k < values; k++) {
      for (int label : labels[k]) {
        counts[k][label]++;
        total++;
      }
    }
    // Columns beyond the classes score 0: a code value matched to one matches no class.
    long[][] score = new long[values][Math.max(values, classes)];
    for (int k = 0; k < values; k++) {
      System.arraycopy(counts[k], 0, score[k], 0, classes);
    }
    int[] columns = Hungarian.maximumScore(score);
    int[] matched = new int[values];
    long agreeing = 0;
    for (int k = 0; k < values; k++) {
      matched[k] = columns[k] < classes ? columns[k] : -1;
      agreeing += matched[k] >= 0 ? counts[k][matched[k]] : 0;
    }
    return new CategoryMatching(counts, matched, total == 0 ? 0 : (double) agreeing / total);
  }

  /** Samples of code value {@code k}. */
  long samples(int k) {
    long s = 0;
    for (long c : counts[k]) {
      s += c;
    }
    return s;
  }

  /** The class most of code value {@code k}'s samples get. */
  int majority(int k) {
    int best = 0;
    for (int c = 1; c < counts[k].length; c++) {
      best = counts[k][c] > counts[k][best] ? c : best;
    }
    return best;
  }
}
