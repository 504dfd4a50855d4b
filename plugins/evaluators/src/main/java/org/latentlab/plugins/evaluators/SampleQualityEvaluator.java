package org.latentlab.plugins.evaluators;

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
import org.latentlab.api.spi.ModelSnapshot;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * Sample quality in the penultimate features of the {@link DomainClassifier} (a data set's own classifier, the
 * usual stand-in for Inception features on digits): "FID-LeNet", the {@link FrechetDistance} between generated
 * and real test images (Heusel et al. 2017), beside its floor, the same distance between as many real training
 * images and the same test images, so a value reads as a multiple of what real data reaches; and the
 * k-nearest-neighbour {@link ManifoldPrecisionRecall precision and recall} (Kynkaanniemi et al. 2019); and the
 * {@link Memorisation} check (samples beside their nearest training images); and, when training kept snapshots
 * ({@code training.snapshotEvery}), the FID at each of them as a curve. Needs
 * {@code generate} and {@link Model#noiseSize()}; samples from standard-normal noise.
 */
final class SampleQualityEvaluator implements Evaluator {
  static final String ID = "sample-quality";
  /** Samples (and test images) the memorisation check compares with every training image. */
  private static final int MEMORISATION_ROWS = 500;

  private final SampleQualityParameters parameters;

  SampleQualityEvaluator(SampleQualityParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction generate = Encodings.require(context, Model.Functions.GENERATE, ID);
    int dim = Encodings.noiseSize(context, ID);
    Dataset data = context.dataset();
    int n = Math.min(parameters.samples(), Math.min(data.test().size(), data.train().size()));
    SplittableRandom random = new SplittableRandom(context.seed() ^ 0x46494421L);
    HostTensor noise = Encodings.standardNormal(n, dim, random);
    HostTensor generated = BatchedInference.map(generate, noise, "z", "x", Encodings.BATCH);
    HostTensor test = data.test().images(firstIndices(n));
    HostTensor train = data.train().images(randomIndices(data.train(), n, random));
    try (DomainClassifier classifier = DomainClassifier.obtain(context, parameters.classifierEpochs())) {
      HostTensor testFeatures = classifier.features(test);
      HostTensor generatedFeatures = classifier.features(generated);
      double fid = FrechetDistance.between(generatedFeatures, testFeatures);
      double floor = FrechetDistance.between(classifier.features(train), testFeatures);
      ManifoldPrecisionRecall.Result pr = ManifoldPrecisionRecall.of(testFeatures, generatedFeatures,
          parameters.neighbours());
      Map<String, Double> metrics = new java.util.LinkedHashMap<>();
      metrics.put(ID + "/fid", fid);
      metrics.put(ID + "/fid-floor", floor);
      metrics.put(ID + "/fid-ratio-to-floor", fid / floor);
      metrics.put(ID + "/precision", pr.precision());
      metrics.put(ID + "/recall", pr.recall());
      Memorisation memorisation = Memorisation.of(firstRows(generated, MEMORISATION_ROWS), firstRows(test, MEMORISATION_ROWS),
          data.train());
      metrics.put(ID + "/memorisation-ratio", memorisation.ratio());
      ResultTable card = new ResultTable("Sample quality (metric card)", List.of("property", "value"), List.of(
          List.of("FID-LeNet, generated vs test", String.format(Locale.ROOT, "%.3f", fid)),
          List.of("floor: real train vs test", String.format(Locale.ROOT, "%.3f", floor)),
          List.of("ratio to the floor", String.format(Locale.ROOT, "%.2f", fid / floor)),
          List.of("precision (samples inside the data's manifold)", String.format(Locale.ROOT, "%.4f", pr.precision())),
          List.of("recall (data inside the samples' manifold)", String.format(Locale.ROOT, "%.4f", pr.recall())),
          List.of("feature extractor", "domain classifier's penultimate layer (" + testFeatures.rowSize() + " features)"),
          List.of("its test accuracy", String.format(Locale.ROOT, "%.4f", classifier.testAccuracy())),
          List.of("samples", n + " generated, " + n + " test, " + n + " training images"),
          List.of("input range", "[0, 1], as the data set")),
          "Frechet distance of Gaussians fitted to the features (Heusel et al. 2017), lower is better; precision"
              + " and recall with manifolds of balls reaching each point's " + parameters.neighbours()
              + "-th nearest neighbour (Kynkaanniemi et al. 2019). Values depend on the feature extractor and the"
              + " sample count: compare only within this card's setup.");
      List<ResultTable> tables = new java.util.ArrayList<>(List.of(card, memorisation.table()));
      List<Chart> charts = new java.util.ArrayList<>();
      if (!context.snapshotIterations().isEmpty()) {
        charts.add(curve(context, noise, classifier, testFeatures, floor, tables));
      }
      return new Evaluation(metrics, tables, List.of(memorisation.grid()), charts);
    }
  }

  /**
   * FID at every snapshot training kept, from the same noise and against the same test features as the final
   * value (so the curve ends at it): a chart with the floor beside it, and a table.
   */
  private static Chart curve(EvaluationContext context, HostTensor noise, DomainClassifier classifier,
      HostTensor testFeatures, double floor, List<ResultTable> tables) {
    List<Long> iterations = context.snapshotIterations();
    double[] x = new double[iterations.size()];
    double[] fid = new double[iterations.size()];
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < iterations.size(); i++) {
      try (ModelSnapshot snapshot = context.snapshot(iterations.get(i))) {
        CompiledFunction generate = snapshot.function(Model.Functions.GENERATE).orElseThrow();
        HostTensor samples = BatchedInference.map(generate, noise, "z", "x", Encodings.BATCH);
        x[i] = iterations.get(i);
        fid[i] = FrechetDistance.between(classifier.features(samples), testFeatures);
        rows.add(List.of(Long.toString(iterations.get(i)), String.format(Locale.ROOT, "%.3f", fid[i]),
            String.format(Locale.ROOT, "%.2f", fid[i] / floor)));
      }
    }
    // The untrained generator's FID (iteration 0) is in the table; drawn, it would flatten the rest of the curve.
    int from = x.length > 2 && x[0] == 0 ? 1 : 0;
    x = java.util.Arrays.copyOfRange(x, from, x.length);
    fid = java.util.Arrays.copyOfRange(fid, from, fid.length);
    double[] floorLine = new double[x.length];
    java.util.Arrays.fill(floorLine, floor);
    tables.add(new ResultTable("FID-LeNet over training", List.of("iteration", "FID", "ratio to the floor"), rows,
        "At each snapshot training kept (training.snapshotEvery), from the same noise as the final value."));
    return new Chart("fid-over-training", "FID-LeNet over training", Chart.Kind.LINES, "iteration", "FID-LeNet",
        List.of(new Chart.Series("generated vs test", x, fid), new Chart.Series("floor: real train vs test", x,
            floorLine)), "FID of " + noise.shape()[0] + " samples at each snapshot of the model after the first iteration (the"
            + " untrained generator's is in the table); lower is better.");
  }

  private static HostTensor firstRows(HostTensor t, int n) {
    int rows = Math.min(n, t.shape()[0]);
    int[] shape = t.shape().clone();
    shape[0] = rows;
    return new HostTensor(java.util.Arrays.copyOf(t.data(), rows * t.rowSize()), shape);
  }

  private static int[] firstIndices(int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return idx;
  }

  /** {@code n} distinct indices of {@code set}, a partial Fisher-Yates shuffle. */
  private static int[] randomIndices(ImageSet set, int n, SplittableRandom random) {
    int[] all = firstIndices(set.size());
    for (int k = 0; k < n; k++) {
      int j = k + random.nextInt(all.length - k);
      int t = all[k];
      all[k] = all[j];
      all[j] = t;
    }
    return java.util.Arrays.copyOf(all, n);
  }
}
