package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ResultTable;

/**
 * Label efficiency of a representation, the semi-supervised protocol of e.g. Hénaff et al. 2020
 * ("Data-efficient image recognition with contrastive predictive coding") and Chen et al. 2020
 * (SimCLR): a linear probe (multinomial logistic regression with L2 penalty {@code lambda |W|^2},
 * {@link SoftmaxRegression}) is fitted on the codes of a class-balanced share of the labelled training
 * images and scored on the whole test split, for each share (1%, 10%, 100% by default), beside raw
 * pixels. Subsets are seeded and nested: each class's images are shuffled once and every share takes
 * the same number {@code max(1, round(f n / C))} of images from each class (capped at the class's
 * size; the whole split for {@code f = 1}). Standardisation statistics come from all training codes
 * (no labels needed), and every fit takes as many optimiser steps as one on the whole split.
 */
final class LabelEfficiencyEvaluator implements Evaluator {
  static final String ID = "label-efficiency";

  private final LabelEfficiencyParameters parameters;

  LabelEfficiencyEvaluator(LabelEfficiencyParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    Map<String, FeatureMatrix[]> representations = Encodings.representations(context, ID, parameters.baselines());
    int numClasses = data.numClasses();
    List<Double> fractions = parameters.fractions();
    List<int[]> subsets = new ArrayList<>();
    for (double f : fractions) {
      subsets.add(subset(data.train().labels(), numClasses, f, context.seed()));
    }
    int n = data.train().size();
    int stepsPerEpochAll = (n + parameters.batchSize() - 1) / parameters.batchSize();

    context.progress().start(ID, (long) representations.size() * fractions.size());
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    List<Chart.Series> series = new ArrayList<>();
    long done = 0;
    for (Map.Entry<String, FeatureMatrix[]> e : representations.entrySet()) {
      Standardizer standardizer = Standardizer.fit(e.getValue()[0]);
      FeatureMatrix train = standardizer.apply(e.getValue()[0]);
      FeatureMatrix test = standardizer.apply(e.getValue()[1]);
      double[] xs = new double[fractions.size()];
      double[] ys = new double[fractions.size()];
      for (int i = 0; i < fractions.size(); i++) {
        int[] idx = subsets.get(i);
        FeatureMatrix labelled = train.subset(idx);
        int stepsPerEpoch = (idx.length + parameters.batchSize() - 1) / parameters.batchSize();
        int epochs = (int) Math.min(100_000, ((long) parameters.epochs() * stepsPerEpochAll + stepsPerEpoch - 1) / stepsPerEpoch);
        SoftmaxRegression regression = new SoftmaxRegression(context.backend(),
            new SoftmaxRegression.Settings(epochs, parameters.batchSize(), parameters.learningRate()));
        double accuracy = regression.fitAndScore(labelled, numClasses, parameters.l2(), context.seed(), test)[0];
        String percent = Encodings.percent(fractions.get(i));
        String prefix = e.getKey().equals("latent") ? ID : ID + "/" + e.getKey();
        metrics.put(prefix + "/" + percent + "/accuracy", accuracy);
        rows.add(List.of(e.getKey(), percent + "%", Integer.toString(idx.length), Encodings.f4(accuracy)));
        xs[i] = idx.length;
        ys[i] = accuracy;
        context.progress().update(++done, String.format(Locale.ROOT, "%s %s%% accuracy=%.4f", e.getKey(), percent, accuracy));
      }
      series.add(new Chart.Series(e.getKey(), xs, ys));
    }
    context.progress().finish();
    String note = String.format(Locale.ROOT,
        "Multinomial logistic regression (L2 %.0e) on standardised features of class-balanced, seeded, nested "
            + "subsets of the %d training images; accuracy on the %d test images (chance %.2f).",
        parameters.l2(), n, data.test().size(), 1.0 / Math.max(1, numClasses));
    ResultTable table = new ResultTable("Label efficiency",
        List.of("representation", "labels", "labelled images", "test accuracy"), rows, note);
    Chart chart = new Chart("label-efficiency", "Accuracy against labelled images", Chart.Kind.LINES,
        "labelled training images", "test accuracy", series,
        "Linear-probe test accuracy with " + fractions.stream().map(f -> Encodings.percent(f) + "%").toList()
            + " of the training labels, one line per representation.");
    return new Evaluation(metrics, List.of(table), List.of(), List.of(chart));
  }

  /**
   * Indices of a class-balanced share {@code fraction} of the labelled images: the same number from
   * each class, a prefix of a per-class shuffle seeded by {@code seed} (so smaller shares are nested in
   * larger ones); every labelled image for {@code fraction >= 1}.
   */
  static int[] subset(int[] labels, int numClasses, double fraction, long seed) {
    int classes = numClasses;
    int labelled = 0;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
      labelled += l >= 0 ? 1 : 0;
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        byClass.get(labels[i]).add(i);
      }
    }
    int perClass = fraction >= 1 ? Integer.MAX_VALUE
        : (int) Math.max(1, Math.round(fraction * labelled / Math.max(1, numClasses)));
    SplittableRandom random = new SplittableRandom(seed ^ 0x1AB37L);
    List<Integer> out = new ArrayList<>();
    for (List<Integer> members : byClass) {
      int[] m = members.stream().mapToInt(Integer::intValue).toArray();
      SoftmaxRegression.shuffle(m, random.split());
      for (int i = 0; i < Math.min(perClass, m.length); i++) {
        out.add(m[i]);
      }
    }
    return out.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
