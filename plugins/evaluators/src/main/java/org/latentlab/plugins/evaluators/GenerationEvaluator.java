package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelSnapshot;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.BatchedInference;
import org.latentlab.api.train.CompiledFunction;

/**
 * The decoder as a generator. Codes are drawn two ways: from the model's prior when it has one (its
 * {@code generate} function on standard-normal noise, e.g. a VAE), and from a Gaussian fitted to the
 * training codes ({@code N(mean, covariance)}, sampled as {@code mean + L eps} with {@code L} the
 * Cholesky factor of the covariance, computed with EJML), decoded with {@code decode}. The {@link DomainClassifier} labels the samples: the
 * class histogram, its entropy {@code H = -sum_c p_c log2 p_c} (log2 of the class count when every
 * class is equally frequent) and the mean confidence (highest class probability). Also a latent
 * interpolation strip per pair of test images: {@code decode((1 - t) z_a + t z_b)} for {@code t} from 0 to 1.
 * A plain autoencoder's code space has holes a Gaussian does not know of, so its samples are poorer
 * than a VAE's prior samples: this evaluator shows it. A model that only generates (a GAN: {@code generate}
 * and {@link Model#noiseSize()}, no encoder) gets its prior samples and strips between noise vectors; a
 * conditional one ({@code generate-conditional}) also gets the {@link ConditionalSamples} view: how often
 * a sample asked for class {@code k} is labelled {@code k}, and a class-by-class grid. When training kept
 * snapshots ({@code training.snapshotEvery}), a generator's samples at fixed noise are shown over training.
 * An unconditional generator also gets {@link LatentArithmetic} on its noise.
 */
final class GenerationEvaluator implements Evaluator {
  static final String ID = "generation";
  private static final int SHOWN = 100;
  private static final long ARITHMETIC_STREAM = 0x3C6EF372FE94F82BL;
  private static final int SNAPSHOT_ROWS = 10;
  private static final int SNAPSHOT_COLUMNS = 10;

  private final GenerationParameters parameters;

  GenerationEvaluator(GenerationParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    Optional<CompiledFunction> encode = context.function(Model.Functions.ENCODE);
    Optional<CompiledFunction> decode = context.function(Model.Functions.DECODE);
    Optional<CompiledFunction> generate = context.function(Model.Functions.GENERATE);
    boolean autoencoder = encode.isPresent() && decode.isPresent();
    if (!autoencoder && generate.isEmpty()) {
      throw new IllegalStateException(ID + ": the model offers neither 'encode' and 'decode' nor 'generate';"
          + " the generation view needs one of them");
    }
    Dataset data = context.dataset();
    SplittableRandom random = new SplittableRandom(context.seed() ^ 0x6A09E667F3BCC909L);
    HostTensor trainCodes = autoencoder ? BatchedInference.map(encode.get(), data.train(), "z", 512) : null;
    int dim = autoencoder ? trainCodes.rowSize() : Encodings.noiseSize(context, ID);
    int n = parameters.samples();

    Map<String, Double> metrics = new LinkedHashMap<>();
    List<ResultTable> tables = new ArrayList<>();
    List<ImageGrid> figures = new ArrayList<>();
    try (DomainClassifier classifier = DomainClassifier.obtain(context, parameters.classifierEpochs())) {
      metrics.put(ID + "/classifier-accuracy", classifier.testAccuracy());
      Optional<CompiledFunction> conditional = context.function(Model.Functions.GENERATE_CONDITIONAL);
      if (generate.isPresent()) {
        HostTensor noise = Encodings.standardNormal(n, dim, random);
        HostTensor prior = BatchedInference.map(generate.get(), noise, "z", "x", 512);
        describe("", "prior samples", prior, classifier, data, metrics, tables, figures);
        if (conditional.isEmpty()) {
          LatentArithmetic.of(generate.get(), noise, prior, classifier.probabilities(prior), classifier, data,
              new SplittableRandom(context.seed() ^ ARITHMETIC_STREAM)).ifPresent(arithmetic -> {
                metrics.put(ID + "/arithmetic-ink-ratio", arithmetic.inkRatio());
                metrics.put(ID + "/arithmetic-class-kept", arithmetic.classKept());
                tables.add(arithmetic.table());
                figures.add(arithmetic.grid());
              });
        }
      }
      if (conditional.isPresent()) {
        ConditionalSamples.describe(ID + "/", conditional.get(), dim, Math.max(100, n / data.numClasses()),
            classifier, data, random, metrics, tables, figures);
      }
      if (autoencoder) {
        HostTensor fitted = BatchedInference.map(decode.get(), fittedGaussianCodes(trainCodes, n, random), "z", "x",
            512);
        describe(generate.isPresent() ? "fitted/" : "", "samples from a Gaussian fitted to the codes", fitted,
            classifier, data, metrics, tables, figures);
      }
      tables.add(new ResultTable("Domain classifier (metric card)", List.of("property", "value"), List.of(
          List.of("network", "LeNet-like CNN: 2 conv (32, 64) + max-pool, dense 128, softmax"),
          List.of("trained on", data.train().size() + " labelled training images of " + data.name()),
          List.of("test accuracy", String.format(Locale.ROOT, "%.4f", classifier.testAccuracy())),
          List.of("samples classified", Integer.toString(n)),
          List.of("input range", "[0, 1], as the data set")),
          classifier.cached() ? "Read from the cache folder." : "Trained for this run and cached."));
    }
    if (generate.isPresent() && !context.snapshotIterations().isEmpty()) {
      figures.add(samplesOverTraining(context, dim, random));
    }
    if (parameters.interpolations() > 0) {
      figures.add(autoencoder
          ? interpolations(encode.get(), decode.get(), data.test(), random)
          : noiseInterpolations(generate.get(), dim, random));
    }
    return new Evaluation(metrics, tables, figures);
  }

  /**
   * One row per snapshot training kept (at most {@value #SNAPSHOT_ROWS}, evenly spread, first and last
   * included), the same {@value #SNAPSHOT_COLUMNS} noise vectors in every row.
   */
  private static ImageGrid samplesOverTraining(EvaluationContext context, int dim, SplittableRandom random) {
    List<Long> all = context.snapshotIterations();
    int rows = Math.min(SNAPSHOT_ROWS, all.size());
    HostTensor noise = Encodings.standardNormal(SNAPSHOT_COLUMNS, dim, random);
    List<HostTensor> strips = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      long iteration = all.get(rows == 1 ? 0 : (int) Math.round((double) r * (all.size() - 1) / (rows - 1)));
      try (ModelSnapshot snapshot = context.snapshot(iteration)) {
        strips.add(snapshot.function(Model.Functions.GENERATE).orElseThrow().apply(Map.of("z", noise)).get("x"));
        shown.add(Long.toString(iteration));
      }
    }
    int size = strips.get(0).rowSize();
    float[] grid = new float[rows * SNAPSHOT_COLUMNS * size];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(strips.get(r).data(), 0, grid, r * SNAPSHOT_COLUMNS * size, SNAPSHOT_COLUMNS * size);
    }
    int[] shape = strips.get(0).shape().clone();
    shape[0] = rows * SNAPSHOT_COLUMNS;
    return new ImageGrid("samples-over-training", "Samples at fixed noise over training", new HostTensor(grid, shape),
        SNAPSHOT_COLUMNS, "One row per snapshot of the model, after iterations " + String.join(", ", shown)
            + "; the same noise in each column.");
  }

  /** Class statistics, a histogram table and a sample grid for one set of generated images. */
  private static void describe(String prefix, String what, HostTensor images, DomainClassifier classifier, Dataset data,
      Map<String, Double> metrics, List<ResultTable> tables, List<ImageGrid> figures) {
    HostTensor p = classifier.probabilities(images);
    int k = data.numClasses();
    int n = images.shape()[0];
    int[] counts = new int[k];
    double confidence = 0;
    int[] predicted = DomainClassifier.argmax(p);
    for (int i = 0; i < n; i++) {
      counts[predicted[i]]++;
      confidence += p.data()[i * k + predicted[i]] / n;
    }
    double entropy = entropyBits(counts);
    metrics.put(ID + "/" + prefix + "entropy-bits", entropy);
    metrics.put(ID + "/" + prefix + "confidence", confidence);
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      rows.add(List.of(data.classNames().get(c), Integer.toString(counts[c]),
          String.format(Locale.ROOT, "%.3f", (double) counts[c] / n)));
    }
    tables.add(new ResultTable("Classes of " + what, List.of("class", "samples", "fraction"), rows,
        String.format(Locale.ROOT, "%d samples labelled by the domain classifier: entropy %.3f bits (uniform: %.3f),"
            + " mean confidence %.3f.", n, entropy, Math.log(k) / Math.log(2), confidence)));
    int shown = Math.min(SHOWN, n);
    float[] first = java.util.Arrays.copyOf(images.data(), shown * images.rowSize());
    int[] shape = images.shape().clone();
    shape[0] = shown;
    String name = prefix.isEmpty() ? "samples" : "fitted-samples";
    figures.add(new ImageGrid(name, "Decoded " + what, new HostTensor(first, shape), 10,
        "The first " + shown + " of " + n + " " + what + "."));
  }

  /** Entropy in bits of the distribution given by {@code counts}. */
  static double entropyBits(int[] counts) {
    long total = 0;
    for (int c : counts) {
      total += c;
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / total;
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    return h;
  }

  /**
   * {@code n} codes from {@code N(mean, covariance)} of the rows of {@code codes}: {@code mean + L eps}
   * with {@code L} the Cholesky factor of the covariance (a little jitter on the diagonal when the
   * codes do not span every direction).
   */
  static HostTensor fittedGaussianCodes(HostTensor codes, int n, SplittableRandom random) {
    int d = codes.rowSize();
    double[] mean = Moments.mean(codes);
    DMatrixRMaj covariance = Moments.covariance(codes, mean);
    DMatrixRMaj lower = cholesky(covariance);
    DMatrixRMaj eps = new DMatrixRMaj(d, n);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        eps.set(j, i, RandomStreams.gaussian(random));
      }
    }
    DMatrixRMaj z = new DMatrixRMaj(d, n);
    CommonOps_DDRM.mult(lower, eps, z);
    float[] out = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (float) (mean[j] + z.get(j, i));
      }
    }
    return new HostTensor(out, new int[] {n, d});
  }

  /** The lower Cholesky factor of {@code covariance}, adding growing jitter until it is positive definite. */
  private static DMatrixRMaj cholesky(DMatrixRMaj covariance) {
    int d = covariance.numRows;
    double scale = Math.max(1e-12, CommonOps_DDRM.trace(covariance) / d);
    for (double jitter = 0; ; jitter = jitter == 0 ? 1e-9 * scale : jitter * 10) {
      DMatrixRMaj a = covariance.copy();
      for (int j = 0; j < d; j++) {
        a.add(j, j, jitter);
      }
      CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(d, true);
      if (chol.decompose(a)) {
        return chol.getT(null);
      }
      if (jitter > scale) {
        throw new IllegalStateException(ID + ": the covariance of the codes is not positive semi-definite");
      }
    }
  }

  /** One strip per pair of test images: the first image, the decoded interpolation, the second image. */
  private ImageGrid interpolations(CompiledFunction encode, CompiledFunction decode, ImageSet test,
      SplittableRandom random) {
    int pairs = parameters.interpolations();
    int steps = parameters.steps();
    int[] ends = new int[2 * pairs];
    for (int i = 0; i < ends.length; i++) {
      ends[i] = random.nextInt(test.size());
    }
    HostTensor endImages = test.images(ends);
    HostTensor codes = encode.apply(Map.of("x", endImages)).get("z");
    int d = codes.rowSize();
    float[] path = new float[pairs * steps * d];
    for (int p = 0; p < pairs; p++) {
      for (int s = 0; s < steps; s++) {
        float t = (float) s / (steps - 1);
        for (int j = 0; j < d; j++) {
          float a = codes.data()[(2 * p) * d + j];
          float b = codes.data()[(2 * p + 1) * d + j];
          path[(p * steps + s) * d + j] = (1 - t) * a + t * b;
        }
      }
    }
    HostTensor decoded = BatchedInference.map(decode, new HostTensor(path, new int[] {pairs * steps, d}), "z", "x", 512);
    int size = test.imageSize();
    int columns = steps + 2;
    float[] grid = new float[pairs * columns * size];
    for (int p = 0; p < pairs; p++) {
      int row = p * columns;
      System.arraycopy(endImages.data(), (2 * p) * size, grid, row * size, size);
      System.arraycopy(decoded.data(), p * steps * size, grid, (row + 1) * size, steps * size);
      System.arraycopy(endImages.data(), (2 * p + 1) * size, grid, (row + columns - 1) * size, size);
    }
    return new ImageGrid("interpolations", "Latent interpolations", new HostTensor(grid,
        new int[] {pairs * columns, test.channels(), test.height(), test.width()}), columns,
        "Each row: a test image, the decoded codes on the straight line from its code to another's, the other image.");
  }

  /** One strip per pair of noise vectors: {@code generate((1 - t) z_a + t z_b)} for {@code t} from 0 to 1. */
  private ImageGrid noiseInterpolations(CompiledFunction generate, int dim, SplittableRandom random) {
    int pairs = parameters.interpolations();
    int steps = parameters.steps();
    HostTensor ends = Encodings.standardNormal(2 * pairs, dim, random);
    float[] path = new float[pairs * steps * dim];
    for (int p = 0; p < pairs; p++) {
      for (int s = 0; s < steps; s++) {
        float t = (float) s / (steps - 1);
        for (int j = 0; j < dim; j++) {
          path[(p * steps + s) * dim + j] = (1 - t) * ends.data()[2 * p * dim + j] + t * ends.data()[(2 * p + 1) * dim + j];
        }
      }
    }
    HostTensor images = BatchedInference.map(generate, new HostTensor(path, new int[] {pairs * steps, dim}), "z", "x",
        512);
    return new ImageGrid("interpolations", "Noise interpolations", images, steps,
        "Each row: samples generated from the straight line between two standard-normal noise vectors.");
  }
}
