package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * The model's own classifier (its {@code classify} function, e.g. the head of a semi-supervised
 * autoencoder) on the test split: accuracy (arg-max of the logits against the label) and the
 * confusion matrix, rows the true class, columns the predicted one.
 */
final class ClassifierEvaluator implements Evaluator {
  static final String ID = "classifier";

  ClassifierEvaluator(ClassifierParameters parameters) {
    // No options: the record exists so descriptors are checked like every other section.
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction classify = context.function(Model.Functions.CLASSIFY).orElseThrow(() ->
        new IllegalStateException(ID + ": the model offers no '" + Model.Functions.CLASSIFY + "' function (only models"
            + " with a classifier head, e.g. semi-supervised-autoencoder, do)"));
    Dataset data = context.dataset();
    int[] labels = data.test().labels();
    int[] predicted = DomainClassifier.argmax(BatchedInference.map(classify, data.test(), "logits", 512));
    int k = data.numClasses();
    int[][] confusion = new int[k][k];
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      confusion[labels[i]][predicted[i]]++;
      correct += labels[i] == predicted[i] ? 1 : 0;
    }
    double accuracy = (double) correct / labels.length;
    List<String> columns = new ArrayList<>();
    columns.add("true \\ predicted");
    columns.addAll(data.classNames());
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      List<String> row = new ArrayList<>();
      row.add(data.classNames().get(c));
      for (int p = 0; p < k; p++) {
        row.add(Integer.toString(confusion[c][p]));
      }
      rows.add(row);
    }
    ResultTable table = new ResultTable("Classifier confusion matrix", columns, rows, String.format(Locale.ROOT,
        "The model's classify function on the %d test images: accuracy %.4f (chance %.2f).", labels.length, accuracy,
        1.0 / k));
    return new Evaluation(Map.of(ID + "/accuracy", accuracy), List.of(table), List.of());
  }
}
