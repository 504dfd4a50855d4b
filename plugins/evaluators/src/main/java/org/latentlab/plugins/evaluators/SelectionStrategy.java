package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How an active learner picks the next images to label from the unlabelled pool (Settles 2009, "Active
 * Learning Literature Survey"; Sener &amp; Savarese 2018 for the core set).
 * <ul>
 *   <li>{@code random}: uniformly at random, the baseline every strategy must beat;</li>
 *   <li>{@code margin}: smallest difference between the current probe's two most probable classes;</li>
 *   <li>{@code entropy}: largest entropy of the probe's predicted class distribution;</li>
 *   <li>{@code k-center}: greedy k-center coverage of the feature space (Sener &amp; Savarese 2018):
 *       repeatedly the pool image farthest (Euclidean) from every labelled or already chosen image.</li>
 * </ul>
 */
enum SelectionStrategy {
  RANDOM("random"), MARGIN("margin"), ENTROPY("entropy"), K_CENTER("k-center");

  /** Ids of every strategy, as descriptors name them. */
  static final List<String> IDS = Arrays.stream(values()).map(s -> s.id).toList();

  private final String id;

  SelectionStrategy(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  /** The strategy called {@code id}. */
  static SelectionStrategy of(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no selection strategy '" + id + "'; one of " + IDS));
  }

  /** Whether the strategy reads the current probe's predictions. */
  boolean needsPredictions() {
    return this == MARGIN || this == ENTROPY;
  }

  /**
   * {@code count} indices of {@code pool} (rows of {@code features}, {@code dim} wide) to label next.
   *
   * @param logits   the probe's logits for every row of {@code features} ({@code numClasses} each), or null
   *                 when the strategy does not need them
   * @param labelled rows already labelled
   */
  int[] select(int count, int[] pool, int[] labelled, float[] features, int dim, float[] logits, int numClasses,
      SplittableRandom random) {
    count = Math.min(count, pool.length);
    return switch (this) {
      case RANDOM -> randomPick(count, pool, random);
      case MARGIN -> lowest(count, pool, row -> margin(logits, row, numClasses));
      case ENTROPY -> lowest(count, pool, row -> -entropy(logits, row, numClasses));
      case K_CENTER -> kCenter(count, pool, labelled, features, dim);
    };
  }

  private static int[] randomPick(int count, int[] pool, SplittableRandom random) {
    int[] copy = pool.clone();
    for (int i = 0; i < count; i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return Arrays.copyOf(copy, count);
  }

  private interface Score {
    double of(int row);
  }

  /** The {@code count} pool rows of lowest score (ties by row index, so the choice is reproducible). */
  private static int[] lowest(int count, int[] pool, Score score) {
    double[] s = new double[pool.length];
    Integer[] order = new Integer[pool.length];
    for (int i = 0; i < pool.length; i++) {
      s[i] = score.of(pool[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> s[a] != s[b] ? Double.compare(s[a], s[b]) : Integer.compare(pool[a], pool[b]));
    int[] out = new int[count];
    for (int i = 0; i < count; i++) {
      out[i] = pool[order[i]];
    }
    return out;
  }

  /** Softmax probabilities of one row of logits. */
  private static double[] probabilities(float[] logits, int row, int k) {
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < k; j++) {
      max = Math.max(max, logits[row * k + j]);
    }
    double[] p = new double[k];
    double sum = 0;
    for (int j = 0; j < k; j++) {
      p[j] = Math.exp(logits[row * k + j] - max);
      sum += p[j];
    }
    for (int j = 0; j < k; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /** {@code p_(1) - p_(2)}: the gap between the two most probable classes. */
  static double margin(float[] logits, int row, int k) {
    double[] p = probabilities(logits, row, k);
    double first = 0;
    double second = 0;
    for (double v : p) {
      if (v > first) {
        second = first;
        first = v;
      } else if (v > second) {
        second = v;
      }
    }
    return first - second;
  }

  /** {@code -sum_j p_j log p_j} in nats. */
  static double entropy(float[] logits, int row, int k) {
    double h = 0;
    for (double v : probabilities(logits, row, k)) {
      h -= v > 0 ? v * Math.log(v) : 0;
    }
    return h;
  }

  /** Greedy k-center: each pick the pool row farthest from every labelled row and every earlier pick. */
  static int[] kCenter(int count, int[] pool, int[] labelled, float[] features, int dim) {
    double[] nearest = new double[pool.length];
    Arrays.fill(nearest, Double.POSITIVE_INFINITY);
    for (int center : labelled) {
      closer(nearest, pool, center, features, dim);
    }
    List<Integer> picks = new ArrayList<>();
    boolean[] taken = new boolean[pool.length];
    for (int n = 0; n < count; n++) {
      int best = -1;
      for (int i = 0; i < pool.length; i++) {
        if (!taken[i] && (best < 0 || nearest[i] > nearest[best])) {
          best = i;
        }
      }
      taken[best] = true;
      picks.add(pool[best]);
      closer(nearest, pool, pool[best], features, dim);
    }
    return picks.stream().mapToInt(Integer::intValue).toArray();
  }

  private static void closer(double[] nearest, int[] pool, int center, float[] features, int dim) {
    for (int i = 0; i < pool.length; i++) {
      double d = 0;
      for (int j = 0; j < dim; j++) {
        double diff = features[pool[i] * dim + j] - features[center * dim + j];
        d += diff * diff;
      }
      nearest[i] = Math.min(nearest[i], d);
    }
  }
}
