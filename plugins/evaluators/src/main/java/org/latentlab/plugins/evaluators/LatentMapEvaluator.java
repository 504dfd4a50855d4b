package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * 2-D latent maps: the codes ({@code encode}) of a class-balanced seeded sample of test images are
 * projected on their first two principal components and embedded by exact t-SNE (after PCA to
 * {@code pcaDimensions} dimensions, on the first {@code tsnePoints} of the sample, which is class-balanced
 * too), each drawn as a scatter with one series per class. Metrics: the share of variance the two
 * principal components explain, and the leave-one-out kNN accuracy of the labels within the t-SNE map
 * (how cleanly the map separates the classes).
 */
final class LatentMapEvaluator implements Evaluator {
  static final String ID = "latent-map";
  private static final int ENCODE_BATCH = 512;

  private final LatentMapParameters parameters;

  LatentMapEvaluator(LatentMapParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    CompiledFunction encode = context.function(Model.Functions.ENCODE).orElseThrow(() ->
        new IllegalStateException(ID + ": the model offers no '" + Model.Functions.ENCODE + "' function to map"));
    int[] sample = balancedSample(data.test().labels(), parameters.points(), context.seed());
    ImageSet images = data.test().subset(sample);
    HostTensor codes = BatchedInference.map(encode, images, "z", ENCODE_BATCH);
    int n = sample.length;
    int d = codes.rowSize();
    double[] x = new double[n * d];
    float[] z = codes.data();
    for (int i = 0; i < x.length; i++) {
      x[i] = z[i];
    }
    int[] labels = images.labels();
    int tsneN = Math.min(parameters.tsnePoints(), n);
    context.progress().start(ID, 1 + (tsneN >= 2 ? parameters.tsneIterations() : 0));

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<Chart> charts = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();

    Pca pca = Pca.fit(x, n, d);
    double[] pcaMap = pca.project(x, n, Math.min(2, d));
    if (d < 2) {
      pcaMap = widen(pcaMap, n);
    }
    double explained = pca.explainedVariance(2);
    double pcaKnn = Tsne.knnAccuracy(pcaMap, n, 2, labels, parameters.neighbours());
    metrics.put(ID + "/pca-explained-variance", explained);
    charts.add(scatter("pca", "PCA of the codes", "principal component 1", "principal component 2", pcaMap,
        labels, data.classNames(), String.format(Locale.ROOT,
            "The codes of %d test images (class-balanced sample) on their first two principal components, "
                + "which explain %.1f%% of the variance of the %d-d codes; one colour per class.",
            n, 100 * explained, d)));
    rows.add(row("PCA", n, explained, pcaKnn));
    context.progress().update(1, String.format(Locale.ROOT, "pca explained=%.3f", explained));

    if (tsneN >= 2) {
      int keep = Math.min(parameters.pcaDimensions(), d);
      double[] tsneInput = pca.project(Arrays.copyOf(x, tsneN * d), tsneN, keep);
      int[] tsneLabels = Arrays.copyOf(labels, tsneN);
      double perplexity = Tsne.effectivePerplexity(parameters.perplexity(), tsneN);
      double[] map = Tsne.embed(tsneInput, tsneN, keep, new Tsne.Settings(parameters.perplexity(),
          parameters.tsneIterations(), parameters.learningRate(), context.seed() ^ 0x75AEL),
          iteration -> {
            if (iteration % 50 == 0 || iteration == parameters.tsneIterations()) {
              context.progress().update(1 + iteration, "t-SNE iteration " + iteration);
            }
          });
      double knn = Tsne.knnAccuracy(map, tsneN, 2, tsneLabels, parameters.neighbours());
      metrics.put(ID + "/tsne-knn-accuracy", knn);
      charts.add(scatter("tsne", "t-SNE of the codes", "t-SNE 1", "t-SNE 2", map, tsneLabels, data.classNames(),
          String.format(Locale.ROOT,
              "Exact t-SNE (perplexity %s, %d iterations, after PCA to %d dimensions) of the codes of %d test "
                  + "images (class-balanced); one colour per class. Leave-one-out %d-NN accuracy in this map: %.3f.",
              fmt(perplexity), parameters.tsneIterations(), keep, tsneN, parameters.neighbours(), knn)));
      rows.add(row("t-SNE", tsneN, Double.NaN, knn));
    }
    context.progress().finish();
    ResultTable table = new ResultTable("Latent maps",
        List.of("map", "points", "explained variance", parameters.neighbours() + "-NN accuracy (2-D)"), rows,
        String.format(Locale.ROOT, "Codes of %d-d; kNN accuracy is leave-one-out within the 2-D map (chance %.2f).",
            d, 1.0 / Math.max(1, data.numClasses())));
    return new Evaluation(metrics, List.of(table), List.of(), charts);
  }

  /**
   * A class-balanced seeded sample of at most {@code points} indices: each class's indices shuffled,
   * then taken round-robin over the classes, so every prefix of the result is balanced too (a class
   * that runs out leaves its turns to the others).
   */
  static int[] balancedSample(int[] labels, int points, long seed) {
    int classes = 0;
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
    }
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      byClass.get(labels[i]).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x1A7E47L);
    for (List<Integer> members : byClass) {
      for (int i = members.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Integer t = members.get(i);
        members.set(i, members.get(j));
        members.set(j, t);
      }
    }
    int n = Math.min(points, labels.length);
    int[] out = new int[n];
    int taken = 0;
    for (int round = 0; taken < n; round++) {
      for (int c = 0; c < classes && taken < n; c++) {
        if (round < byClass.get(c).size()) {
          out[taken++] = byClass.get(c).get(round);
        }
      }
    }
    return out;
  }

  private static Chart scatter(String name, String title, String xLabel, String yLabel, double[] points,
      int[] labels, List<String> classNames, String caption) {
    int classes = classNames.size();
    for (int l : labels) {
      classes = Math.max(classes, l + 1);
    }
    int[] counts = new int[classes];
    for (int l : labels) {
      counts[l]++;
    }
    List<Chart.Series> series = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      if (counts[c] == 0) {
        continue;
      }
      double[] xs = new double[counts[c]];
      double[] ys = new double[counts[c]];
      int k = 0;
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == c) {
          xs[k] = points[2 * i];
          ys[k++] = points[2 * i + 1];
        }
      }
      series.add(new Chart.Series(c < classNames.size() ? classNames.get(c) : "class " + c, xs, ys));
    }
    return new Chart(name, title, Chart.Kind.SCATTER, xLabel, yLabel, series, caption);
  }

  /** One-dimensional codes drawn on a line: the second coordinate is 0. */
  private static double[] widen(double[] oneD, int n) {
    double[] out = new double[2 * n];
    for (int i = 0; i < n; i++) {
      out[2 * i] = oneD[i];
    }
    return out;
  }

  private static List<String> row(String map, int points, double explained, double knn) {
    return List.of(map, Integer.toString(points),
        Double.isNaN(explained) ? "" : String.format(Locale.ROOT, "%.4f", explained),
        String.format(Locale.ROOT, "%.4f", knn));
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
