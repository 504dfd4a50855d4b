package org.latentlab.plugins.evaluators;

import java.util.Arrays;
import java.util.Locale;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;

/**
 * A memorisation check for a generator: how close its samples come to the training images, against how close
 * unseen real images (the test split) come to them. Distances are Euclidean in pixel space. A generator that
 * copies training images has samples much nearer the training set than real test images are
 * ({@code ratio << 1}); one that generalises sits near 1 (above 1 when its samples are off the data
 * manifold). The grid shows samples beside their nearest training images, the usual visual check.
 *
 * @param ratio  median nearest-training-image distance of the samples over that of as many test images
 * @param table  the numbers, with an explanation
 * @param grid   one row per shown sample: the sample, then its nearest training images, nearest first
 */
record Memorisation(double ratio, ResultTable table, ImageGrid grid) {
  private static final int SHOWN = 8;
  private static final int NEIGHBOURS = 6;

  /** The check for {@code samples} against {@code train}, with {@code test} as the reference of unseen images. */
  static Memorisation of(HostTensor samples, HostTensor test, ImageSet train) {
    HostTensor trainImages = train.images(java.util.stream.IntStream.range(0, train.size()).toArray());
    double sampleMedian = median(nearestDistances(samples, trainImages));
    double testMedian = median(nearestDistances(test, trainImages));
    double ratio = sampleMedian / testMedian;
    ResultTable table = new ResultTable("Memorisation check", java.util.List.of("images", "count",
        "median distance to the nearest training image"), java.util.List.of(
            java.util.List.of("generated", Integer.toString(samples.shape()[0]), Encodings.f4(sampleMedian)),
            java.util.List.of("real, unseen (test)", Integer.toString(test.shape()[0]), Encodings.f4(testMedian))),
        String.format(Locale.ROOT, "Ratio %.3f: well below 1 would mean samples copy training images; near or above"
            + " 1 they are as far from the training set as unseen real images are. Euclidean distance in pixels over"
            + " all %d training images.", ratio, train.size()));
    return new Memorisation(ratio, table, neighbourGrid(samples, trainImages));
  }

  /** For each row of {@code queries}, the Euclidean distance to its nearest row of {@code reference}. */
  static double[] nearestDistances(HostTensor queries, HostTensor reference) {
    int n = queries.shape()[0];
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      int[] nearest = nearest(queries, i, reference, 1);
      out[i] = Math.sqrt(squaredDistance(queries, i, reference, nearest[0]));
    }
    return out;
  }

  private static ImageGrid neighbourGrid(HostTensor samples, HostTensor train) {
    int shown = Math.min(SHOWN, samples.shape()[0]);
    int size = samples.rowSize();
    int columns = 1 + NEIGHBOURS;
    float[] grid = new float[shown * columns * size];
    for (int i = 0; i < shown; i++) {
      System.arraycopy(samples.data(), i * size, grid, i * columns * size, size);
      int[] nearest = nearest(samples, i, train, NEIGHBOURS);
      for (int j = 0; j < nearest.length; j++) {
        System.arraycopy(train.data(), nearest[j] * size, grid, (i * columns + 1 + j) * size, size);
      }
    }
    int[] shape = samples.shape().clone();
    shape[0] = shown * columns;
    return new ImageGrid("nearest-training-images", "Samples and their nearest training images",
        new HostTensor(grid, shape), columns,
        "Each row: a generated sample, then its " + NEIGHBOURS + " nearest training images (pixel distance).");
  }

  /** Indices of the {@code k} rows of {@code reference} nearest to row {@code i} of {@code queries}, nearest first. */
  private static int[] nearest(HostTensor queries, int i, HostTensor reference, int k) {
    int m = reference.shape()[0];
    int[] best = new int[k];
    double[] bestDistance = new double[k];
    Arrays.fill(bestDistance, Double.POSITIVE_INFINITY);
    for (int j = 0; j < m; j++) {
      double d = squaredDistance(queries, i, reference, j);
      if (d < bestDistance[k - 1]) {
        int at = k - 1;
        while (at > 0 && bestDistance[at - 1] > d) {
          bestDistance[at] = bestDistance[at - 1];
          best[at] = best[at - 1];
          at--;
        }
        bestDistance[at] = d;
        best[at] = j;
      }
    }
    return best;
  }

  private static double squaredDistance(HostTensor a, int i, HostTensor b, int j) {
    int size = a.rowSize();
    float[] x = a.data();
    float[] y = b.data();
    double s = 0;
    for (int p = 0; p < size; p++) {
      double d = x[i * size + p] - y[j * size + p];
      s += d * d;
    }
    return s;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
