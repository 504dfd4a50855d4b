package org.example.centroid;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Encodes both splits, computes each class's mean code on the training split, and labels every test
 * image with the class of the nearest mean (Euclidean, on codes standardised with the training
 * split's statistics). Reports {@code centroid-probe/accuracy} and a per-class table.
 */
final class CentroidProbe implements Evaluator {
  private final CentroidProbeParameters parameters;

  CentroidProbe(CentroidProbeParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction encode = context.function(Model.Functions.ENCODE).orElseThrow(() ->
        new IllegalStateException("centroid-probe: the model offers no 'encode' function"));
    ImageSet train = context.dataset().train();
    ImageSet test = context.dataset().test();
    HostTensor trainCodes = BatchedInference.map(encode, train, "z", parameters.batchSize());
    HostTensor testCodes = BatchedInference.map(encode, test, "z", parameters.batchSize());
    int dim = trainCodes.rowSize();
    float[][] scale = parameters.standardise() ? statistics(trainCodes.data(), train.size(), dim) : null;
    int classes = context.dataset().numClasses();
    double[][] centroids = new double[classes][dim];
    int[] counts = new int[classes];
    for (int i = 0; i < train.size(); i++) {
      int c = train.labels()[i];
      counts[c]++;
      for (int d = 0; d < dim; d++) {
        centroids[c][d] += value(trainCodes.data(), i, d, dim, scale);
      }
    }
    for (int c = 0; c < classes; c++) {
      for (int d = 0; d < dim; d++) {
        centroids[c][d] /= Math.max(1, counts[c]);
      }
    }
    int[] right = new int[classes];
    int[] seen = new int[classes];
    for (int i = 0; i < test.size(); i++) {
      int best = nearest(testCodes.data(), i, dim, scale, centroids, counts);
      int truth = test.labels()[i];
      seen[truth]++;
      right[truth] += best == truth ? 1 : 0;
    }
    int correct = 0;
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      correct += right[c];
      rows.add(List.of(context.dataset().classNames().get(c), Integer.toString(seen[c]),
          seen[c] == 0 ? "n/a" : String.format(Locale.ROOT, "%.4f", right[c] / (double) seen[c])));
    }
    double accuracy = correct / (double) Math.max(1, test.size());
    ResultTable table = new ResultTable("Nearest-centroid probe", List.of("class", "test images", "accuracy"), rows,
        "Each test code gets the class of the nearest training-class mean code"
            + (parameters.standardise() ? " (codes standardised with the training split's statistics)." : "."));
    return new Evaluation(Map.of("centroid-probe/accuracy", accuracy), List.of(table), List.of());
  }

  /** Per-dimension mean and 1/std of {@code rows} codes. */
  private static float[][] statistics(float[] codes, int rows, int dim) {
    float[][] s = new float[2][dim];
    for (int d = 0; d < dim; d++) {
      double sum = 0;
      double sq = 0;
      for (int i = 0; i < rows; i++) {
        double v = codes[i * dim + d];
        sum += v;
        sq += v * v;
      }
      double mean = sum / rows;
      double var = Math.max(sq / rows - mean * mean, 0);
      s[0][d] = (float) mean;
      s[1][d] = var > 1e-12 ? (float) (1 / Math.sqrt(var)) : 1f;
    }
    return s;
  }

  private static double value(float[] codes, int row, int d, int dim, float[][] scale) {
    double v = codes[row * dim + d];
    return scale == null ? v : (v - scale[0][d]) * scale[1][d];
  }

  private static int nearest(float[] codes, int row, int dim, float[][] scale, double[][] centroids, int[] counts) {
    int best = -1;
    double bestDistance = Double.POSITIVE_INFINITY;
    for (int c = 0; c < centroids.length; c++) {
      if (counts[c] == 0) {
        continue;
      }
      double distance = 0;
      for (int d = 0; d < dim; d++) {
        double diff = value(codes, row, d, dim, scale) - centroids[c][d];
        distance += diff * diff;
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = c;
      }
    }
    return best;
  }
}
