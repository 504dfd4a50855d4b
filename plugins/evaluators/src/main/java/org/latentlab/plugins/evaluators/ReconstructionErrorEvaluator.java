package org.latentlab.plugins.evaluators;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Reconstruction error on the test split: mean squared error {@code mean((x' - x)^2)} and binary
 * cross-entropy {@code -mean(x log x' + (1 - x) log(1 - x'))} per pixel. (The run itself shows input /
 * reconstruction pairs as samples.)
 */
final class ReconstructionErrorEvaluator implements Evaluator {
  static final String ID = "reconstruction-error";
  private static final double CLAMP = 1e-7;

  ReconstructionErrorEvaluator(ReconstructionErrorParameters parameters) {
    // No options yet: the record exists so descriptors are checked like every other section.
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction reconstruct = context.function(Model.Functions.RECONSTRUCT).orElseThrow(() ->
        new IllegalStateException(ID + ": the model offers no '" + Model.Functions.RECONSTRUCT + "' function"));
    ImageSet test = context.dataset().test();
    float[] x = test.pixels();
    float[] r = BatchedInference.map(reconstruct, test, "x", 512).data();
    double se = 0;
    double ce = 0;
    for (int i = 0; i < x.length; i++) {
      double d = r[i] - x[i];
      se += d * d;
      double p = Math.min(1 - CLAMP, Math.max(CLAMP, r[i]));
      ce -= x[i] * Math.log(p) + (1 - x[i]) * Math.log(1 - p);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ID + "/mse", se / x.length);
    metrics.put(ID + "/bce", ce / x.length);
    ResultTable table = new ResultTable("Reconstruction error", List.of("metric", "test value"),
        List.of(List.of("MSE per pixel", String.format(Locale.ROOT, "%.5f", se / x.length)),
            List.of("BCE per pixel", String.format(Locale.ROOT, "%.5f", ce / x.length))),
        "On all " + test.size() + " test images, pixel values in [0, 1].");
    return new Evaluation(metrics, List.of(table), List.of());
  }
}
