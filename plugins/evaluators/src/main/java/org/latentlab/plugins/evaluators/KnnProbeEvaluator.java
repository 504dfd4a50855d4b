package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ResultTable;

/**
 * The k-nearest-neighbour probe on frozen features (Wu et al. 2018, "Unsupervised feature learning via
 * non-parametric instance discrimination"; Caron et al. 2021, DINO): every test code is classified by
 * its {@code k} training codes of highest cosine similarity {@code s = <a, b> / (|a| |b|)}, each voting
 * for its label with weight {@code exp(s / T)} (or 1 when {@code T = 0}); the accuracy on the test split
 * is reported beside the same probe on raw pixels and on a randomly initialised encoder. Training images
 * of unknown label ({@code -1}) do not vote; test images of unknown label are not counted.
 */
final class KnnProbeEvaluator implements Evaluator {
  static final String ID = "knn-probe";

  private final KnnProbeParameters parameters;

  KnnProbeEvaluator(KnnProbeParameters parameters) {
    this.parameters = parameters;
  }

  private record Outcome(String name, int dim, double accuracy) {}

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    Map<String, FeatureMatrix[]> representations = Encodings.representations(context, ID, parameters.baselines(),
        parameters.blocks());
    context.progress().start(ID, representations.size());
    List<Outcome> outcomes = new ArrayList<>();
    for (Map.Entry<String, FeatureMatrix[]> e : representations.entrySet()) {
      boolean standardise = parameters.standardise() && !e.getKey().equals("raw-pixels");
      double accuracy = accuracy(e.getValue()[0], e.getValue()[1], data.numClasses(), standardise);
      outcomes.add(new Outcome(e.getKey(), e.getValue()[0].dim(), accuracy));
      context.progress().update(outcomes.size(), String.format(Locale.ROOT, "%s accuracy=%.4f", e.getKey(), accuracy));
    }
    context.progress().finish();

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Double> accuracies = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      metrics.put((o.name().equals("latent") ? ID : ID + "/" + o.name()) + "/accuracy", o.accuracy());
      accuracies.put(o.name(), o.accuracy());
      rows.add(List.of(o.name(), Integer.toString(o.dim()), Encodings.f4(o.accuracy())));
    }
    Encodings.bestBlock(accuracies).ifPresent(best -> {
      metrics.put(ID + "/best-block", best[0]);
      metrics.put(ID + "/best-block/accuracy", best[1]);
    });
    Encodings.bestBlock(Encodings.under(accuracies, "random-encoder/"))
        .ifPresent(best -> metrics.put(ID + "/random-encoder/best-block/accuracy", best[1]));
    String vote = parameters.temperature() > 0
        ? String.format(Locale.ROOT, "votes weighted by exp(similarity / %.3g)", parameters.temperature())
        : "one vote per neighbour";
    String note = String.format(Locale.ROOT,
        "k = %d nearest of the %d training images by cosine similarity%s, %s; accuracy on the %d test images "
            + "(chance %.2f).",
        parameters.k(), data.train().size(), parameters.standardise() ? " of standardised codes (pixels as they are)" : "", vote,
        data.test().size(), 1.0 / Math.max(1, data.numClasses()));
    ResultTable table = new ResultTable("kNN probe", List.of("representation", "dim", "test accuracy"), rows, note);
    return new Evaluation(metrics, List.of(table), List.of());
  }

  /** Test accuracy of the kNN classifier fitted on {@code train}. */
  double accuracy(FeatureMatrix train, FeatureMatrix test, int numClasses, boolean standardise) {
    if (standardise) {
      Standardizer s = Standardizer.fit(train);
      train = s.apply(train);
      test = s.apply(test);
    }
    int[] known = known(train.labels());
    FeatureMatrix labelled = known.length == train.rows() ? train : train.subset(known);
    int classes = numClasses;
    for (int l : labelled.labels()) {
      classes = Math.max(classes, l + 1);
    }
    int[] predictions = Knn.classify(Encodings.unitRows(labelled), labelled.labels(), Encodings.unitRows(test),
        test.dim(), parameters.k(), classes, parameters.temperature());
    return Knn.accuracy(predictions, test.labels());
  }

  private static int[] known(int[] labels) {
    return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] >= 0).toArray();
  }
}
