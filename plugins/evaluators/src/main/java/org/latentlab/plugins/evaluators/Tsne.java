package org.latentlab.plugins.evaluators;

import java.util.SplittableRandom;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.latentlab.api.params.RandomStreams;

/**
 * Exact t-SNE (van der Maaten &amp; Hinton 2008) to two dimensions. Input affinities are Gaussian with a
 * per-point bandwidth found by binary search so that each conditional distribution has the requested
 * perplexity, symmetrised as {@code (p_j|i + p_i|j) / 2n}; the map is optimised by gradient descent with
 * momentum (0.5, then 0.8 after {@link #MOMENTUM_SWITCH} iterations), per-coordinate adaptive gains
 * (Jacobs 1988, as in the authors' implementation) and early exaggeration ({@link #EXAGGERATION} for the
 * first {@link #EXAGGERATION_ITERATIONS} iterations), from a seeded Gaussian start with standard
 * deviation 1e-4. Each iteration costs O(n^2); rows are computed in parallel, and every sum is taken in
 * a fixed order so the result depends on the seed only.
 */
final class Tsne {

  /** Early exaggeration factor. */
  static final double EXAGGERATION = 12;
  /** Iterations with exaggerated input affinities. */
  static final int EXAGGERATION_ITERATIONS = 250;
  /** Iteration at which the momentum goes from 0.5 to 0.8. */
  static final int MOMENTUM_SWITCH = 250;
  private static final double MIN_GAIN = 0.01;
  private static final double MIN_P = 1e-12;

  /**
   * Settings.
   *
   * @param perplexity   effective number of neighbours (clamped to {@code (n - 1) / 3} for small n)
   * @param iterations   gradient steps
   * @param learningRate step size
   * @param seed         seed of the initial map
   */
  record Settings(double perplexity, int iterations, double learningRate, long seed) {}

  private Tsne() {}

  /**
   * Embeds {@code n} rows of {@code d} values in two dimensions; {@code progress} is told each finished
   * iteration (1-based). Returns row-major {@code [n, 2]}.
   */
  static double[] embed(double[] data, int n, int d, Settings settings, IntConsumer progress) {
    if (n < 2) {
      return new double[2 * n];
    }
    double[] p = affinities(squaredDistances(data, n, d), n, settings.perplexity());
    return optimise(p, n, settings, progress);
  }

  /** The perplexity actually used for {@code n} points: at most {@code (n - 1) / 3}, at least 1. */
  static double effectivePerplexity(double perplexity, int n) {
    return Math.max(1, Math.min(perplexity, (n - 1) / 3.0));
  }

  /** Pairwise squared Euclidean distances, row-major {@code [n, n]}. */
  static double[] squaredDistances(double[] x, int n, int d) {
    double[] out = new double[n * n];
    IntStream.range(0, n).parallel().forEach(i -> {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < d; k++) {
          double diff = x[i * d + k] - x[j * d + k];
          s += diff * diff;
        }
        out[i * n + j] = s;
      }
    });
    return out;
  }

  /** The symmetrised joint affinities P (row-major {@code [n, n]}, summing to 1). */
  static double[] affinities(double[] distances, int n, double perplexity) {
    double target = Math.log(effectivePerplexity(perplexity, n));
    double[] conditional = new double[n * n];
    IntStream.range(0, n).parallel().forEach(i -> conditionalRow(distances, n, i, target, conditional));
    double[] p = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        p[i * n + j] = Math.max(MIN_P, (conditional[i * n + j] + conditional[j * n + i]) / (2.0 * n));
      }
      p[i * n + i] = 0;
    }
    return p;
  }

  /** Row i of p_j|i with the bandwidth whose entropy (nats) is {@code target}, by bisection on beta. */
  private static void conditionalRow(double[] distances, int n, int i, double target, double[] out) {
    double beta = 1;
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    // distances relative to the nearest neighbour keep exp() from underflowing for far-away points
    double nearest = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (j != i) {
        nearest = Math.min(nearest, distances[i * n + j]);
      }
    }
    int base = i * n;
    for (int attempt = 0; attempt < 100; attempt++) {
      double sum = 0;
      double weighted = 0;
      for (int j = 0; j < n; j++) {
        if (j == i) {
          out[base + j] = 0;
          continue;
        }
        double dist = distances[base + j] - nearest;
        double v = Math.exp(-beta * dist);
        out[base + j] = v;
        sum += v;
        weighted += v * dist;
      }
      double entropy = Math.log(sum) + beta * weighted / sum;
      double diff = entropy - target;
      if (Math.abs(diff) < 1e-5) {
        break;
      }
      if (diff > 0) {
        lo = beta;
        beta = hi == Double.POSITIVE_INFINITY ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = lo == Double.NEGATIVE_INFINITY ? beta / 2 : (beta + lo) / 2;
      }
    }
    double sum = 0;
    for (int j = 0; j < n; j++) {
      sum += out[base + j];
    }
    for (int j = 0; j < n; j++) {
      out[base + j] /= sum;
    }
  }

  private static double[] optimise(double[] p, int n, Settings settings, IntConsumer progress) {
    SplittableRandom random = new SplittableRandom(settings.seed());
    double[] y = new double[2 * n];
    for (int i = 0; i < y.length; i++) {
      y[i] = 1e-4 * RandomStreams.gaussian(random);
    }
    double[] update = new double[2 * n];
    double[] gains = new double[2 * n];
    java.util.Arrays.fill(gains, 1);
    double[] num = new double[n * n];
    double[] rowSums = new double[n];
    double[] gradient = new double[2 * n];
    for (int iteration = 0; iteration < settings.iterations(); iteration++) {
      double exaggeration = iteration < EXAGGERATION_ITERATIONS ? EXAGGERATION : 1;
      double momentum = iteration < MOMENTUM_SWITCH ? 0.5 : 0.8;
      // Student-t kernel (1 + |yi - yj|^2)^-1 and its normaliser Z
      IntStream.range(0, n).parallel().forEach(i -> {
        double yi0 = y[2 * i];
        double yi1 = y[2 * i + 1];
        double s = 0;
        int base = i * n;
        for (int j = 0; j < n; j++) {
          double a = yi0 - y[2 * j];
          double b = yi1 - y[2 * j + 1];
          double v = j == i ? 0 : 1 / (1 + a * a + b * b);
          num[base + j] = v;
          s += v;
        }
        rowSums[i] = s;
      });
      double z = 0;
      for (int i = 0; i < n; i++) {
        z += rowSums[i];
      }
      double invZ = 1 / z;
      // dC/dy_i = 4 sum_j (e p_ij - q_ij) (1 + |yi - yj|^2)^-1 (y_i - y_j)
      IntStream.range(0, n).parallel().forEach(i -> {
        double g0 = 0;
        double g1 = 0;
        double yi0 = y[2 * i];
        double yi1 = y[2 * i + 1];
        int base = i * n;
        for (int j = 0; j < n; j++) {
          double v = num[base + j];
          double m = (exaggeration * p[base + j] - v * invZ) * v;
          g0 += m * (yi0 - y[2 * j]);
          g1 += m * (yi1 - y[2 * j + 1]);
        }
        gradient[2 * i] = 4 * g0;
        gradient[2 * i + 1] = 4 * g1;
      });
      double mean0 = 0;
      double mean1 = 0;
      for (int k = 0; k < 2 * n; k++) {
        double g = gradient[k];
        gains[k] = (g > 0) != (update[k] > 0) ? gains[k] + 0.2 : gains[k] * 0.8;
        gains[k] = Math.max(gains[k], MIN_GAIN);
        update[k] = momentum * update[k] - settings.learningRate() * gains[k] * g;
        y[k] += update[k];
        if (k % 2 == 0) {
          mean0 += y[k];
        } else {
          mean1 += y[k];
        }
      }
      mean0 /= n;
      mean1 /= n;
      for (int i = 0; i < n; i++) {
        y[2 * i] -= mean0;
        y[2 * i + 1] -= mean1;
      }
      progress.accept(iteration + 1);
    }
    return y;
  }

  /**
   * Leave-one-out k-nearest-neighbour accuracy of {@code labels} in row-major {@code [n, dims]} points:
   * each point is classified by the majority label of its k nearest other points (a tie goes to the
   * tied label with the nearest member). 0 when there are fewer than two points.
   */
  static double knnAccuracy(double[] points, int n, int dims, int[] labels, int k) {
    if (n < 2) {
      return 0;
    }
    int neighbours = Math.min(k, n - 1);
    int maxLabel = 0;
    for (int l : labels) {
      maxLabel = Math.max(maxLabel, l);
    }
    int classes = maxLabel + 1;
    long correct = IntStream.range(0, n).parallel().filter(i -> {
      int[] nearest = new int[neighbours];
      double[] nearestDist = new double[neighbours];
      java.util.Arrays.fill(nearestDist, Double.POSITIVE_INFINITY);
      for (int j = 0; j < n; j++) {
        if (j == i) {
          continue;
        }
        double s = 0;
        for (int c = 0; c < dims; c++) {
          double diff = points[i * dims + c] - points[j * dims + c];
          s += diff * diff;
        }
        if (s < nearestDist[neighbours - 1]) {
          int at = neighbours - 1;
          while (at > 0 && nearestDist[at - 1] > s) {
            nearestDist[at] = nearestDist[at - 1];
            nearest[at] = nearest[at - 1];
            at--;
          }
          nearestDist[at] = s;
          nearest[at] = j;
        }
      }
      int[] votes = new int[classes];
      int best = 0;
      for (int m = 0; m < neighbours; m++) {
        votes[labels[nearest[m]]]++;
        best = Math.max(best, votes[labels[nearest[m]]]);
      }
      int predicted = -1;
      for (int m = 0; m < neighbours && predicted < 0; m++) {
        if (votes[labels[nearest[m]]] == best) {
          predicted = labels[nearest[m]];
        }
      }
      return predicted == labels[i];
    }).count();
    return (double) correct / n;
  }
}
