package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;

/**
 * A pretext task's own score on the test split: the mean over the test images of each per-image score the
 * model's {@code pretext-scores} function gives (e.g. rotation prediction's accuracy over the four
 * rotations, colorization's colour error). How well a task solves its own puzzle is not what it is for, but
 * it shows whether the task was learned at all before its features are judged.
 */
final class PretextEvaluator implements Evaluator {
  static final String ID = "pretext";

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    context.progress().start(ID, 1);
    Map<String, HostTensor> scores = new TreeMap<>(BatchedInference.mapAll(
        Encodings.require(context, Model.Functions.PRETEXT_SCORES, ID), data.test(), Encodings.BATCH));
    context.progress().finish();
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, HostTensor> e : scores.entrySet()) {
      double sum = 0;
      for (float v : e.getValue().data()) {
        sum += v;
      }
      double mean = sum / Math.max(1, e.getValue().data().length);
      metrics.put(ID + "/" + e.getKey(), mean);
      rows.add(List.of(e.getKey(), Encodings.f4(mean)));
    }
    ResultTable table = new ResultTable("Pretext task on the test split", List.of("score", "mean over test images"), rows,
        "Mean over the " + data.test().size() + " test images of the task's own per-image scores (its questions built"
            + " deterministically from each image).");
    return new Evaluation(metrics, List.of(table), List.of());
  }
}
