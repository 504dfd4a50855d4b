package org.latentlab.plugins.evaluators;

import java.util.Arrays;
import org.latentlab.api.tensor.HostTensor;

/**
 * Improved precision and recall of a generated distribution (Kynkaanniemi et al. 2019): each set's manifold
 * is the union of balls around its points with radius the distance to the point's {@code k}-th nearest
 * neighbour in the same set. Precision is the fraction of generated points inside the real manifold (how
 * many samples look real), recall the fraction of real points inside the generated manifold (how much of
 * the data the samples cover). Euclidean distances between feature rows; exact, {@code O(n m d)}.
 */
final class ManifoldPrecisionRecall {
  private ManifoldPrecisionRecall() {}

  /** Precision and recall. */
  record Result(double precision, double recall) {}

  /** Precision and recall of {@code generated [m, d]} against {@code real [n, d]}, balls from the {@code k}-th neighbour. */
  static Result of(HostTensor real, HostTensor generated, int k) {
    if (real.rowSize() != generated.rowSize() || real.shape()[0] <= k || generated.shape()[0] <= k) {
      throw new IllegalArgumentException("need two sets of more than k = " + k + " rows of the same width, got "
          + Arrays.toString(real.shape()) + " and " + Arrays.toString(generated.shape()));
    }
    double[] realRadii = kthNeighbourDistances(real, k);
    double[] generatedRadii = kthNeighbourDistances(generated, k);
    return new Result(coveredFraction(generated, real, realRadii), coveredFraction(real, generated, generatedRadii));
  }

  /** Squared distance to each row's {@code k}-th nearest other row of the same set. */
  private static double[] kthNeighbourDistances(HostTensor rows, int k) {
    int n = rows.shape()[0];
    double[] radii = new double[n];
    double[] distances = new double[n - 1];
    for (int i = 0; i < n; i++) {
      int m = 0;
      for (int j = 0; j < n; j++) {
        if (j != i) {
          distances[m++] = squaredDistance(rows, i, rows, j);
        }
      }
      Arrays.sort(distances);
      radii[i] = distances[k - 1];
    }
    return radii;
  }

  /** The fraction of {@code points} within the ball (squared radius) of at least one row of {@code centres}. */
  private static double coveredFraction(HostTensor points, HostTensor centres, double[] squaredRadii) {
    int covered = 0;
    for (int i = 0; i < points.shape()[0]; i++) {
      for (int j = 0; j < centres.shape()[0]; j++) {
        if (squaredDistance(points, i, centres, j) <= squaredRadii[j]) {
          covered++;
          break;
        }
      }
    }
    return covered / (double) points.shape()[0];
  }

  private static double squaredDistance(HostTensor a, int i, HostTensor b, int j) {
    int d = a.rowSize();
    double s = 0;
    for (int t = 0; t < d; t++) {
      double diff = a.data()[i * d + t] - b.data()[j * d + t];
      s += diff * diff;
    }
    return s;
  }
}
