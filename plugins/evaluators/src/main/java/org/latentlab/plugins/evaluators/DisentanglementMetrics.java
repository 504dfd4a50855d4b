package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Disentanglement scores of codes against discrete ground-truth factors.
 *
 * <ul>
 *   <li>MIG, the mutual information gap (Chen et al. 2018, "Isolating sources of disentanglement in
 *       VAEs"): each code unit is discretised into equal-width bins (20 in disentanglement_lib), the
 *       mutual information {@code I(z_j; v_k)} of every unit and factor is estimated from counts, and
 *       {@code MIG = 1/K sum_k (I(z_(1); v_k) - I(z_(2); v_k)) / H(v_k)} with {@code z_(1)}, {@code z_(2)}
 *       the two units sharing most information with factor {@code k}. Constant factors (no entropy) are
 *       skipped.</li>
 *   <li>The FactorVAE score (Kim &amp; Mnih 2018, "Disentangling by factorising"): units are scaled by
 *       their standard deviation over the data; each vote fixes one factor (drawn uniformly among the
 *       non-constant ones) at the value of a random item, draws a batch of items sharing that value (with
 *       replacement), and votes for the unit with the least scaled variance over the batch. A majority
 *       classifier from unit to factor is fitted on training votes; the score is its accuracy on separate
 *       evaluation votes. Collapsed units are pruned first, as the paper does: those whose variance over the
 *       data is below {@value #ACTIVE_SHARE} of the largest unit's (a scale-free form of the active-unit test of
 *       Burda et al. 2016, which for a VAE's posterior means asks for a variance above 0.01) take no part in the
 *       argmin.</li>
 * </ul>
 */
final class DisentanglementMetrics {
  /** A unit is active when its variance over the data is at least this share of the largest unit's. */
  static final double ACTIVE_SHARE = 0.01;

  private DisentanglementMetrics() {}

  /**
   * MIG and the mutual information behind it.
   *
   * @param score      the mutual information gap, averaged over non-constant factors
   * @param mi         {@code mi[k][j]}: mutual information (nats) of factor {@code k} and unit {@code j}
   * @param entropy    entropy (nats) of each factor
   * @param topUnit    the unit with the most information per factor
   * @param secondUnit the runner-up per factor ({@code -1} with a single unit)
   * @param gap        normalised gap per factor ({@code NaN} for constant factors)
   */
  record Mig(double score, double[][] mi, double[] entropy, int[] topUnit, int[] secondUnit, double[] gap) {}

  /**
   * MIG of codes {@code units[j][i]} (unit j of item i) against discrete factors {@code factors[k][i]}.
   */
  static Mig mig(float[][] units, int[][] factors, int bins) {
    int d = units.length;
    int[][] binned = new int[d][];
    for (int j = 0; j < d; j++) {
      binned[j] = InformationMeasures.histogram(units[j], bins);
    }
    int kf = factors.length;
    double[][] mi = new double[kf][d];
    double[] entropy = new double[kf];
    int[] top = new int[kf];
    int[] second = new int[kf];
    double[] gap = new double[kf];
    double sum = 0;
    int counted = 0;
    for (int k = 0; k < kf; k++) {
      entropy[k] = InformationMeasures.entropy(factors[k]);
      top[k] = -1;
      second[k] = -1;
      for (int j = 0; j < d; j++) {
        mi[k][j] = InformationMeasures.mutualInformation(binned[j], factors[k]);
        if (top[k] < 0 || mi[k][j] > mi[k][top[k]]) {
          second[k] = top[k];
          top[k] = j;
        } else if (second[k] < 0 || mi[k][j] > mi[k][second[k]]) {
          second[k] = j;
        }
      }
      if (entropy[k] <= 0 || d == 0) {
        gap[k] = Double.NaN;
        continue;
      }
      double runnerUp = second[k] < 0 ? 0 : mi[k][second[k]];
      gap[k] = (mi[k][top[k]] - runnerUp) / entropy[k];
      sum += gap[k];
      counted++;
    }
    return new Mig(counted == 0 ? Double.NaN : sum / counted, mi, entropy, top, second, gap);
  }

  /**
   * The FactorVAE score.
   *
   * @param score         accuracy of the majority-vote classifier on the evaluation votes
   * @param trainAccuracy its accuracy on the training votes
   * @param activeUnits   units whose variance over the data is at least {@value #ACTIVE_SHARE} of the largest
   *                      unit's; the others have collapsed (to the prior, in a VAE) and take no part in the votes
   * @param unitToFactor  the classifier: factor index voted most often per unit ({@code -1}: no votes)
   */
  record FactorVae(double score, double trainAccuracy, int activeUnits, int[] unitToFactor) {}

  /** The FactorVAE score of codes {@code units[j][i]} against discrete factors {@code factors[k][i]}. */
  static FactorVae factorVae(float[][] units, int[][] factors, int trainVotes, int evalVotes, int batchSize,
      long seed) {
    int d = units.length;
    int n = factors.length == 0 ? 0 : factors[0].length;
    double[] variances = new double[d];
    double largest = 0;
    for (int j = 0; j < d; j++) {
      variances[j] = variance(units[j], null, n);
      largest = Math.max(largest, variances[j]);
    }
    double[] scale = new double[d];
    int active = 0;
    for (int j = 0; j < d; j++) {
      if (variances[j] > 1e-12 && variances[j] >= ACTIVE_SHARE * largest) {
        scale[j] = 1 / variances[j];
        active++;
      }
    }
    List<Integer> varying = new ArrayList<>();
    List<int[][]> groups = new ArrayList<>();
    for (int k = 0; k < factors.length; k++) {
      int values = 0;
      for (int v : factors[k]) {
        values = Math.max(values, v + 1);
      }
      int[] counts = new int[values];
      for (int v : factors[k]) {
        counts[v]++;
      }
      int nonEmpty = 0;
      int[][] byValue = new int[values][];
      for (int v = 0; v < values; v++) {
        byValue[v] = new int[counts[v]];
        nonEmpty += counts[v] > 0 ? 1 : 0;
      }
      int[] fill = new int[values];
      for (int i = 0; i < n; i++) {
        byValue[factors[k][i]][fill[factors[k][i]]++] = i;
      }
      groups.add(byValue);
      if (nonEmpty > 1) {
        varying.add(k);
      }
    }
    if (active == 0 || varying.isEmpty()) {
      return new FactorVae(0, 0, active, new int[d]);
    }
    SplittableRandom random = new SplittableRandom(seed);
    long[][] train = votes(units, factors, groups, varying, scale, trainVotes, batchSize, random);
    long[][] eval = votes(units, factors, groups, varying, scale, evalVotes, batchSize, random);
    int[] classifier = new int[d];
    long trainRight = 0;
    long evalRight = 0;
    for (int j = 0; j < d; j++) {
      int best = -1;
      long bestCount = 0;
      for (int k = 0; k < factors.length; k++) {
        if (train[j][k] > bestCount) {
          bestCount = train[j][k];
          best = k;
        }
      }
      classifier[j] = best;
      if (best >= 0) {
        trainRight += train[j][best];
        evalRight += eval[j][best];
      }
    }
    return new FactorVae(evalRight / (double) Math.max(1, evalVotes), trainRight / (double) Math.max(1, trainVotes),
        active, classifier);
  }

  /** {@code votes[unit][factor]}. */
  private static long[][] votes(float[][] units, int[][] factors, List<int[][]> groups, List<Integer> varying,
      double[] scale, int count, int batchSize, SplittableRandom random) {
    int d = units.length;
    int n = factors[0].length;
    long[][] votes = new long[d][factors.length];
    int[] batch = new int[batchSize];
    for (int v = 0; v < count; v++) {
      int k = varying.get(random.nextInt(varying.size()));
      int[] members = groups.get(k)[factors[k][random.nextInt(n)]];
      for (int b = 0; b < batchSize; b++) {
        batch[b] = members[random.nextInt(members.length)];
      }
      int argmin = -1;
      double least = Double.MAX_VALUE;
      for (int j = 0; j < d; j++) {
        if (scale[j] == 0) {
          continue;
        }
        double s = variance(units[j], batch, batchSize) * scale[j];
        if (s < least) {
          least = s;
          argmin = j;
        }
      }
      if (argmin >= 0) { // no unit compares (non-finite codes): the vote is lost
        votes[argmin][k]++;
      }
    }
    return votes;
  }

  /** Population variance of {@code values} at {@code indices} (all of the first {@code n} when null). */
  private static double variance(float[] values, int[] indices, int n) {
    double sum = 0;
    double sq = 0;
    for (int i = 0; i < n; i++) {
      double x = values[indices == null ? i : indices[i]];
      sum += x;
      sq += x * x;
    }
    double mean = sum / n;
    return Math.max(0, sq / n - mean * mean);
  }
}
