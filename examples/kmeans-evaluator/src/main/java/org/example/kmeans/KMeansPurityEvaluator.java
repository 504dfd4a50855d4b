package org.example.kmeans;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Clustering quality of a representation: both splits are encoded with the model's {@code encode}
 * function, the codes standardised with the training split's statistics, {@link KMeans} fitted on the
 * training codes, and each test code assigned to its nearest centre. Reports
 * {@code kmeans-purity/purity} (share of test images whose cluster's majority training label is their
 * own) and {@code kmeans-purity/nmi} (normalised mutual information between clusters and labels on
 * the test split), plus a table of cluster sizes and majority labels.
 */
final class KMeansPurityEvaluator implements Evaluator {
  static final String ID = "kmeans-purity";

  private final KMeansPurityParameters parameters;

  KMeansPurityEvaluator(KMeansPurityParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Dataset data = context.dataset();
    CompiledFunction encode = context.function(Model.Functions.ENCODE).orElseThrow(() -> new IllegalStateException(
        ID + ": the model offers no '" + Model.Functions.ENCODE + "' function to cluster"));
    int k = parameters.k() == null ? data.numClasses() : parameters.k();
    if (k > data.train().size()) {
      throw new IllegalArgumentException(ID + ": k (" + k + ") exceeds the " + data.train().size()
          + " training images; set a smaller k");
    }
    context.progress().start(ID, 3);
    double[][] train = rows(encode, data.train());
    double[][] test = rows(encode, data.test());
    standardise(train, test);
    context.progress().update(1, "encoded " + train.length + " + " + test.length + " images");

    KMeans.Clustering clustering = KMeans.fit(train, k, parameters.iterations(), parameters.restarts(), context.seed());
    context.progress().update(2, String.format(Locale.ROOT, "k=%d inertia=%.1f", k, clustering.inertia()));
    int[] testClusters = clustering.assign(test);
    int[] majority = ClusterScores.majorityLabels(clustering.assignments(), data.train().labels(), k, data.numClasses());
    double purity = ClusterScores.purity(testClusters, data.test().labels(), majority);
    double nmi = ClusterScores.nmi(testClusters, data.test().labels());
    context.progress().update(3, String.format(Locale.ROOT, "purity=%.4f nmi=%.4f", purity, nmi));
    context.progress().finish();

    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put(ID + "/purity", purity);
    metrics.put(ID + "/nmi", nmi);
    return new Evaluation(metrics, List.of(table(data, clustering, testClusters, majority, train[0].length)), List.of());
  }

  private ResultTable table(Dataset data, KMeans.Clustering clustering, int[] testClusters, int[] majority, int dim) {
    int k = clustering.k();
    int[] trainSizes = counts(clustering.assignments(), k);
    int[] testSizes = counts(testClusters, k);
    int[] trainHits = new int[k];
    int[] trainLabels = data.train().labels();
    for (int i = 0; i < trainLabels.length; i++) {
      if (trainLabels[i] >= 0 && trainLabels[i] == majority[clustering.assignments()[i]]) {
        trainHits[clustering.assignments()[i]]++;
      }
    }
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      String label = majority[c] < 0 ? "-" : data.classNames().get(majority[c]);
      String share = trainSizes[c] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) trainHits[c] / trainSizes[c]);
      rows.add(List.of(Integer.toString(c), Integer.toString(trainSizes[c]), Integer.toString(testSizes[c]), label, share));
    }
    String note = String.format(Locale.ROOT,
        "k-means++ with k=%d, best of %d restarts of at most %d Lloyd iterations, on the standardised %d-d codes "
            + "of the %d training images; purity and NMI on the %d test images assigned to the nearest centre "
            + "(purity of a random assignment is about %.2f).",
        k, parameters.restarts(), parameters.iterations(), dim, data.train().size(), data.test().size(),
        1.0 / data.numClasses());
    return new ResultTable("K-means clusters", List.of("cluster", "train images", "test images", "majority label",
        "majority share (train)"), rows, note);
  }

  private double[][] rows(CompiledFunction encode, ImageSet images) {
    HostTensor z = BatchedInference.map(encode, images, "z", parameters.batchSize());
    int d = z.rowSize();
    double[][] out = new double[images.size()][d];
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < d; j++) {
        out[i][j] = z.data()[i * d + j];
      }
    }
    return out;
  }

  /**
   * Standardises every feature with the training rows' mean and standard deviation, in place;
   * constant features (std below 1e-6) are only centred.
   */
  static void standardise(double[][] train, double[][] test) {
    int d = train[0].length;
    for (int j = 0; j < d; j++) {
      double sum = 0;
      double sq = 0;
      for (double[] row : train) {
        sum += row[j];
        sq += row[j] * row[j];
      }
      double mean = sum / train.length;
      double sd = Math.sqrt(Math.max(0, sq / train.length - mean * mean));
      double scale = sd < 1e-6 ? 1 : 1 / sd;
      for (double[] row : train) {
        row[j] = (row[j] - mean) * scale;
      }
      for (double[] row : test) {
        row[j] = (row[j] - mean) * scale;
      }
    }
  }

  private static int[] counts(int[] clusters, int k) {
    int[] out = new int[k];
    for (int c : clusters) {
      out[c]++;
    }
    return out;
  }
}
