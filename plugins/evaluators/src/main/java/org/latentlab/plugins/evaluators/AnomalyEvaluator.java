package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Anomaly detection with a generative model trained without one class (as in e.g. An &amp; Cho 2015,
 * "Variational autoencoder based anomaly detection using reconstruction probability"): every test
 * image gets an anomaly score, either its reconstruction error {@code mean_p (x'_p - x_p)^2} (mean
 * squared error over its pixels, from the model's {@code reconstruct}) or its negative evidence lower
 * bound (the model's {@code negative-elbo}), and the AUROC of the scores with the anomaly class as the
 * positive class is reported: the Mann-Whitney statistic, ties counted half ({@link Auroc}); 0.5 is
 * chance. Test images of unknown label are not scored.
 */
final class AnomalyEvaluator implements Evaluator {
  static final String ID = "anomaly";

  private final AnomalyParameters parameters;

  AnomalyEvaluator(AnomalyParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    int anomaly = parameters.anomalyClass();
    if (anomaly >= data.numClasses()) {
      throw new IllegalArgumentException(ID + ": anomalyClass " + anomaly + " is not a class of " + data.name()
          + " (" + data.numClasses() + " classes)");
    }
    ImageSet test = data.test();
    Optional<CompiledFunction> elbo = context.function(Model.Functions.NEGATIVE_ELBO);
    Optional<CompiledFunction> reconstruct = context.function(Model.Functions.RECONSTRUCT);
    boolean useElbo = switch (parameters.score()) {
      case "elbo" -> {
        if (elbo.isEmpty()) {
          throw new IllegalStateException(ID + ": score 'elbo' needs the model's '" + Model.Functions.NEGATIVE_ELBO
              + "' function, which it does not offer; use score 'reconstruction'");
        }
        yield true;
      }
      case "reconstruction" -> false;
      default -> elbo.isPresent();
    };
    if (!useElbo && reconstruct.isEmpty()) {
      throw new IllegalStateException(ID + ": the model offers neither '" + Model.Functions.NEGATIVE_ELBO + "' nor '"
          + Model.Functions.RECONSTRUCT + "' to score images with");
    }
    context.progress().start(ID, 2);
    HostTensor reconstructions = reconstruct.map(f -> BatchedInference.map(f, test, "x", Encodings.BATCH)).orElse(null);
    double[] scores = useElbo ? elboScores(elbo.get(), test) : reconstructionErrors(test, reconstructions);
    context.progress().update(1, "scored " + test.size() + " test images");

    int[] known = java.util.stream.IntStream.range(0, test.size()).filter(i -> test.labels()[i] >= 0).toArray();
    double[] s = new double[known.length];
    boolean[] positive = new boolean[known.length];
    int positives = 0;
    for (int i = 0; i < known.length; i++) {
      s[i] = scores[known[i]];
      positive[i] = test.labels()[known[i]] == anomaly;
      positives += positive[i] ? 1 : 0;
    }
    String className = data.classNames().get(anomaly);
    if (positives == 0 || positives == known.length) {
      throw new IllegalStateException(ID + ": the test split of " + data.name() + " needs images of the anomaly class "
          + anomaly + " ('" + className + "') and of other classes (had " + positives + " of " + known.length + ")");
    }
    double auroc = Auroc.of(s, positive);
    context.progress().update(2, String.format(Locale.ROOT, "auroc=%.4f", auroc));
    context.progress().finish();

    long inTraining = Arrays.stream(data.train().labels()).filter(l -> l == anomaly).count();
    String scoreName = useElbo ? "negative ELBO" : "reconstruction MSE";
    double[] classSum = new double[data.numClasses()];
    int[] classCount = new int[data.numClasses()];
    for (int i : known) {
      int l = test.labels()[i];
      if (l < classSum.length) {
        classSum[l] += scores[i];
        classCount[l]++;
      }
    }
    double normalMean = 0;
    int normalCount = 0;
    for (int c = 0; c < classSum.length; c++) {
      if (c != anomaly) {
        normalMean += classSum[c];
        normalCount += classCount[c];
      }
    }
    normalMean /= Math.max(1, normalCount);
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("AUROC (anomaly = positive)", Encodings.f4(auroc)));
    rows.add(List.of("mean score, anomaly class '" + className + "' (" + positives + " images)",
        String.format(Locale.ROOT, "%.5g", classSum[anomaly] / Math.max(1, classCount[anomaly]))));
    rows.add(List.of("mean score, other classes (" + normalCount + " images)", String.format(Locale.ROOT, "%.5g", normalMean)));
    rows.add(List.of("anomaly-class images in the training split", Long.toString(inTraining)));
    String note = "Score: " + scoreName + " per test image" + (useElbo ? "" : " (mean over its pixels)")
        + "; AUROC by the Mann-Whitney statistic, ties counted half; 0.5 is chance.";
    if (inTraining > 0) {
      note += String.format(Locale.ROOT, " WARNING: the training split still holds %d images of the anomaly class "
          + "'%s', so the model has seen it; train with training.excludeClasses: [%d].", inTraining, className, anomaly);
    }
    List<List<String>> perClass = new ArrayList<>();
    for (int c = 0; c < classSum.length; c++) {
      perClass.add(List.of(data.classNames().get(c) + (c == anomaly ? " (anomaly)" : ""), Integer.toString(classCount[c]),
          classCount[c] == 0 ? "-" : String.format(Locale.ROOT, "%.5g", classSum[c] / classCount[c])));
    }
    List<ResultTable> tables = List.of(
        new ResultTable("Anomaly detection", List.of("quantity", "value"), rows, note),
        new ResultTable("Anomaly score per class", List.of("class", "test images", "mean " + scoreName), perClass,
            "Higher scores mean the model explains the image worse."));

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ID + "/auroc", auroc);
    return new Evaluation(metrics, tables, List.of(grid(test, reconstructions, scores, scoreName)));
  }

  /** Mean squared error per image. */
  static double[] reconstructionErrors(ImageSet test, HostTensor reconstructions) {
    int per = test.imageSize();
    float[] x = test.pixels();
    float[] r = reconstructions.data();
    double[] out = new double[test.size()];
    for (int i = 0; i < out.length; i++) {
      double se = 0;
      for (int p = i * per; p < (i + 1) * per; p++) {
        double d = r[p] - x[p];
        se += d * d;
      }
      out[i] = se / per;
    }
    return out;
  }

  private static double[] elboScores(CompiledFunction elbo, ImageSet test) {
    double[] out = new double[test.size()];
    int done = 0;
    for (int from = 0; from < test.size(); from += Encodings.BATCH) {
      int to = Math.min(test.size(), from + Encodings.BATCH);
      int[] idx = java.util.stream.IntStream.range(from, to).toArray();
      Map<String, HostTensor> result = elbo.apply(Map.of("x", test.images(idx)));
      HostTensor score = result.containsKey("score") ? result.get("score")
          : result.size() == 1 ? result.values().iterator().next() : null;
      if (score == null || score.data().length != idx.length) {
        throw new IllegalStateException(ID + ": the model's '" + Model.Functions.NEGATIVE_ELBO
            + "' function must return one value per image (output 'score' [n]); it returned " + result.keySet());
      }
      for (int i = 0; i < idx.length; i++) {
        out[done++] = score.data()[i];
      }
    }
    return out;
  }

  /** Rows: the best-scored inputs, their reconstructions, the worst-scored inputs, their reconstructions. */
  private ImageGrid grid(ImageSet test, HostTensor reconstructions, double[] scores, String scoreName) {
    int n = Math.min(parameters.gridImages(), Math.max(1, test.size() / 2));
    Integer[] order = new Integer[test.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
    int[] best = new int[n];
    int[] worst = new int[n];
    for (int i = 0; i < n; i++) {
      best[i] = order[i];
      worst[i] = order[order.length - 1 - i];
    }
    int per = test.imageSize();
    List<int[]> rowsOf = List.of(best, worst);
    int rowsPerGroup = reconstructions == null ? 1 : 2;
    float[] out = new float[2 * rowsPerGroup * n * per];
    int at = 0;
    for (int[] group : rowsOf) {
      System.arraycopy(test.images(group).data(), 0, out, at, n * per);
      at += n * per;
      if (reconstructions != null) {
        for (int i : group) {
          for (int p = 0; p < per; p++) {
            out[at++] = Math.min(1f, Math.max(0f, reconstructions.data()[i * per + p]));
          }
        }
      }
    }
    HostTensor images = new HostTensor(out, new int[] {2 * rowsPerGroup * n, test.channels(), test.height(), test.width()});
    String caption = reconstructions == null
        ? "Top: the " + n + " test images of lowest " + scoreName + "; bottom: the " + n + " of highest."
        : "Rows 1-2: the " + n + " test images of lowest " + scoreName + " above their reconstructions; rows 3-4: the "
            + n + " of highest " + scoreName + " above theirs.";
    return new ImageGrid("anomaly-best-worst", "Best and worst explained test images", images, n, caption);
  }
}
