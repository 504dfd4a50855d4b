package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * The linear probe, the standard downstream protocol for frozen representations (e.g. Alain &amp;
 * Bengio 2016; Kolesnikov et al. 2019): features are standardised with training statistics, a
 * multinomial logistic regression is fitted with each candidate L2 strength on the training split
 * minus a validation share, the strength with the best validation accuracy is refitted on the whole
 * training split, and its test accuracy is reported. The same protocol runs on the automatic
 * baselines (raw pixels, a randomly initialised encoder) so every result is shown beside them.
 */
final class LinearProbeEvaluator implements Evaluator {
  static final String ID = "linear-probe";

  private final LinearProbeParameters parameters;

  LinearProbeEvaluator(LinearProbeParameters parameters) {
    this.parameters = parameters;
  }

  /** One probed representation's outcome. */
  private record Outcome(String name, int dim, double lambda, double validation, double test) {}

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    Map<String, FeatureMatrix[]> representations = Encodings.representations(context, ID, parameters.baselines(),
        parameters.blocks());

    SoftmaxRegression regression = new SoftmaxRegression(context.backend(),
        new SoftmaxRegression.Settings(parameters.epochs(), parameters.batchSize(), parameters.learningRate()));
    int fitsPer = parameters.l2().size() + 1;
    context.progress().start(ID, (long) fitsPer * representations.size());
    List<Outcome> outcomes = new ArrayList<>();
    long done = 0;
    for (Map.Entry<String, FeatureMatrix[]> e : representations.entrySet()) {
      outcomes.add(probe(regression, e.getKey(), e.getValue()[0], e.getValue()[1], data.numClasses(),
          context.seed(), done, context));
      done += fitsPer;
    }
    context.progress().finish();
    return result(outcomes, data);
  }

  private Outcome probe(SoftmaxRegression regression, String name, FeatureMatrix train, FeatureMatrix test,
      int numClasses, long seed, long done, EvaluationContext context) {
    Standardizer standardizer = Standardizer.fit(train);
    FeatureMatrix trainStd = standardizer.apply(train);
    FeatureMatrix testStd = standardizer.apply(test);
    int[] order = SoftmaxRegression.identity(train.rows());
    SoftmaxRegression.shuffle(order, new SplittableRandom(seed ^ 0x5EEDL));
    int validationSize = Math.max(1, (int) Math.round(train.rows() * parameters.validationFraction()));
    FeatureMatrix validation = trainStd.subset(java.util.Arrays.copyOfRange(order, 0, validationSize));
    FeatureMatrix fit = trainStd.subset(java.util.Arrays.copyOfRange(order, validationSize, order.length));
    double bestLambda = parameters.l2().get(0);
    double bestValidation = -1;
    for (double lambda : parameters.l2()) {
      double accuracy = regression.fitAndScore(fit, numClasses, lambda, seed, validation)[0];
      context.progress().update(++done, String.format(Locale.ROOT, "%s l2=%.0e val=%.4f", name, lambda, accuracy));
      if (accuracy > bestValidation) {
        bestValidation = accuracy;
        bestLambda = lambda;
      }
    }
    double testAccuracy = regression.fitAndScore(trainStd, numClasses, bestLambda, seed, testStd)[0];
    context.progress().update(++done, String.format(Locale.ROOT, "%s test=%.4f", name, testAccuracy));
    return new Outcome(name, train.dim(), bestLambda, bestValidation, testAccuracy);
  }

  private Evaluation result(List<Outcome> outcomes, Dataset data) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    Map<String, Double> accuracies = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      String prefix = o.name().equals("latent") ? ID : ID + "/" + o.name();
      metrics.put(prefix + "/accuracy", o.test());
      accuracies.put(o.name(), o.test());
      metrics.put(prefix + "/l2", o.lambda());
      rows.add(List.of(o.name(), Integer.toString(o.dim()), String.format(Locale.ROOT, "%.0e", o.lambda()),
          String.format(Locale.ROOT, "%.4f", o.validation()), String.format(Locale.ROOT, "%.4f", o.test())));
    }
    Encodings.bestBlock(accuracies).ifPresent(best -> {
      metrics.put(ID + "/best-block", best[0]);
      metrics.put(ID + "/best-block/accuracy", best[1]);
    });
    Encodings.bestBlock(Encodings.under(accuracies, "random-encoder/"))
        .ifPresent(best -> metrics.put(ID + "/random-encoder/best-block/accuracy", best[1]));
    String note = String.format(Locale.ROOT,
        "Multinomial logistic regression on standardised features; L2 chosen from %s on %.0f%% of the %d "
            + "training images, refitted on all of them; accuracy on the %d test images (chance %.2f).",
        parameters.l2(), 100 * parameters.validationFraction(), data.train().size(), data.test().size(),
        1.0 / data.numClasses());
    ResultTable table = new ResultTable("Linear probe",
        List.of("representation", "dim", "L2", "validation accuracy", "test accuracy"), rows, note);
    return new Evaluation(metrics, List.of(table), List.of());
  }
}
