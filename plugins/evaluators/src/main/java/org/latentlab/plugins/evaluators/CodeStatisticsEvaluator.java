package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Statistics of the code on the test split: the mean activation of each code unit
 * {@code rho_hat_j = mean_i z_ij}, their mean (what a sparse autoencoder's KL penalty drives towards
 * rho, Ng 2011), the fraction of activations at or below a threshold, and each unit's mean and standard
 * deviation in a table; with a target, the largest distance of a unit's mean activation from it.
 */
final class CodeStatisticsEvaluator implements Evaluator {
  static final String ID = "code-statistics";

  private final CodeStatisticsParameters parameters;

  CodeStatisticsEvaluator(CodeStatisticsParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction encode = context.function(Model.Functions.ENCODE).orElseThrow(() ->
        new IllegalStateException(ID + ": the model offers no '" + Model.Functions.ENCODE + "' function"));
    HostTensor codes = BatchedInference.map(encode, context.dataset().test(), "z", 512);
    int n = codes.shape()[0];
    int d = codes.rowSize();
    double[] mean = new double[d];
    double[] square = new double[d];
    long inactive = 0;
    float[] v = codes.data();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double z = v[i * d + j];
        mean[j] += z / n;
        square[j] += z * z / n;
        inactive += Math.abs(z) <= parameters.threshold() ? 1 : 0;
      }
    }
    double overall = 0;
    double worst = 0;
    List<List<String>> rows = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      overall += mean[j] / d;
      double sd = Math.sqrt(Math.max(0, square[j] - mean[j] * mean[j]));
      rows.add(List.of(Integer.toString(j), String.format(Locale.ROOT, "%.4f", mean[j]),
          String.format(Locale.ROOT, "%.4f", sd)));
      if (parameters.target() != null) {
        worst = Math.max(worst, Math.abs(mean[j] - parameters.target()));
      }
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ID + "/mean-activation", overall);
    metrics.put(ID + "/inactive-fraction", (double) inactive / ((long) n * d));
    String note = String.format(Locale.ROOT, "%d test images, %d code units; mean activation %.4f; %.1f%% of"
        + " activations are within %.3g of 0.", n, d, overall, 100.0 * inactive / ((long) n * d), parameters.threshold());
    if (parameters.target() != null) {
      metrics.put(ID + "/target-gap", Math.abs(overall - parameters.target()));
      metrics.put(ID + "/largest-unit-gap", worst);
      note += String.format(Locale.ROOT, " Target %.4f: the mean is %.4f from it, the farthest unit %.4f.",
          parameters.target(), Math.abs(overall - parameters.target()), worst);
    }
    ResultTable table = new ResultTable("Code units on the test split", List.of("unit", "mean", "sd"), rows, note);
    return new Evaluation(metrics, List.of(table), List.of());
  }
}
