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
 * images and scored on the whole test split, for each share (1%, 10%, 100% by default) and each count of
 * labels asked for (e.g. 10, 100, 1,000), beside raw pixels. Subsets are seeded and nested: each class's images are shuffled once and every share takes
 * the same number {@code max(1, round(f n / C))} (or {@code max(1, round(count / C))}) of images from each
 * class (capped at the class's size; the whole split for {@code f = 1}). Standardisation statistics come from all training codes
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
    Map<String, FeatureMatrix[]> representations = Encodings.representations(context, ID, parameters.baselines(), false);
    int numClasses = data.numClasses();
    List<Share> shares = shares(data.train().labels(), numClasses);
    List<int[]> subsets = new ArrayList<>();
    for (Share share : shares) {
      subsets.add(subset(data.train().labels(), numClasses, share.perClass(), context.seed()));
    }
    int n = data.train().size();
    int stepsPerEpochAll = (n + parameters.batchSize() - 1) / parameters.batchSize();

    context.progress().start(ID, (long) representations.size() * shares.size());
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    List<Chart.Series> series = new ArrayList<>();
    long done = 0;
    for (Map.Entry<String, FeatureMatrix[]> e : representations.entrySet()) {
      Standardizer standardizer = Standardizer.fit(e.getValue()[0]);
      FeatureMatrix train = standardizer.apply(e.getValue()[0]);
      FeatureMatrix test = standardizer.apply(e.getValue()[1]);
      double[] xs = new double[shares.size()];
      double[] ys = new double[shares.size()];
      for (int i = 0; i < shares.size(); i++) {
        int[] idx = subsets.get(i);
        FeatureMatrix labelled = train.subset(idx);
        int stepsPerEpoch = (idx.length + parameters.batchSize() - 1) / parameters.batchSize();
        int epochs = (int) Math.min(100_000, ((long) parameters.epochs() * stepsPerEpochAll + stepsPerEpoch - 1) / stepsPerEpoch);
        SoftmaxRegression regression = new SoftmaxRegression(context.backend(),
            new SoftmaxRegression.Settings(epochs, parameters.batchSize(), parameters.learningRate()));
        double accuracy = regression.fitAndScore(labelled, numClasses, parameters.l2(), context.seed(), test)[0];
        String prefix = e.getKey().equals("latent") ? ID : ID + "/" + e.getKey();
        metrics.put(prefix + "/" + shares.get(i).key() + "/accuracy", accuracy);
        rows.add(List.of(e.getKey(), shares.get(i).label(), Integer.toString(idx.length), Encodings.f4(accuracy)));
        xs[i] = idx.length;
        ys[i] = accuracy;
        context.progress().update(++done, String.format(Locale.ROOT, "%s %s accuracy=%.4f", e.getKey(),
            shares.get(i).label(), accuracy));
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
        "Linear-probe test accuracy with " + shares.stream().map(Share::label).toList()
            + " of the training labels, one line per representation.");
    return new Evaluation(metrics, List.of(table), List.of(), List.of(chart));
  }

  /**
   * A subset size to probe with: its metric key ({@code 10} for 10%, {@code 100-labels} for a count),
   * its label in the table and the number of images taken from each class.
   */
  private record Share(String key, String label, int perClass) {}

  /** The shares the parameters ask for: fractions first, then counts, in order of size. */
  private List<Share> shares(int[] labels, int numClasses) {
    long labelled = java.util.Arrays.stream(labels).filter(l -> l >= 0).count();
    List<Share> out = new ArrayList<>();
    for (double f : parameters.fractions()) {
      int perClass = f >= 1 ? Integer.MAX_VALUE : (int) Math.max(1, Math.round(f * labelled / Math.max(1, numClasses)));
      out.add(new Share(Encodings.percent(f), Encodings.percent(f) + "%", perClass));
    }
    for (int count : parameters.counts()) {
      out.add(new Share(count + "-labels", count + " labels", perClass(count, numClasses)));
    }
    out.sort(java.util.Comparator.comparingInt(Share::perClass));
    return out;
  }

  /** Images per class for a class-balanced subset of about {@code count} labels (at least one per class). */
  static int perClass(int count, int numClasses) {
    return (int) Math.max(1, Math.round((double) count / Math.max(1, numClasses)));
  }

  /**
   * Indices of a class-balanced subset of the labelled images: {@code perClass} from each class (all of a
   * class when it has fewer), a prefix of a per-class shuffle seeded by {@code seed} (so smaller subsets are
   * nested in larger ones).
   */
  static int[] subset(int[] labels, int numClasses, int perClass, long seed) {
    int classes = numClasses;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
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
