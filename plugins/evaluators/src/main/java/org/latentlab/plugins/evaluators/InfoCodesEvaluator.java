package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/**
 * What InfoGAN's latent codes mean (Chen et al. 2016, section 7.1), through the model's
 * {@code generate-with-codes} and {@link Model#noiseSize()}:
 * <ul>
 *   <li>{@code info-codes/c1-accuracy}: for each value {@code k} of the categorical code c1, samples from
 *       noise {@code z ~ N(0, I)} and continuous codes {@code ~ U[-1, 1]}, labelled by the
 *       {@link DomainClassifier}; the c1 values are matched one-to-one to classes by the Hungarian algorithm
 *       so that the most samples agree ({@link CategoryMatching}), and the accuracy is the share that does.
 *       Chance (a c1 the generator ignores) gives about {@code 1/classes}; the paper reports about 0.95 on
 *       MNIST (5% error) for its best runs.</li>
 *   <li>the matching as a table, and the paper's figures as image grids: rows of c1 values at fixed noise
 *       and continuous codes 0 (columns: different noise), and for each continuous code, rows of fixed
 *       (noise, c1) with the code swept from -2 to 2 (twice its prior's range) and the others at 0.</li>
 * </ul>
 */
final class InfoCodesEvaluator implements Evaluator {
  static final String ID = "info-codes";
  private static final float SWEEP = 2f;

  private final InfoCodesParameters parameters;

  InfoCodesEvaluator(InfoCodesParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction withCodes = Encodings.require(context, Model.Functions.GENERATE_WITH_CODES, ID);
    int dim = Encodings.noiseSize(context, ID);
    Dataset data = context.dataset();
    int categories = parameters.categories();
    int n = parameters.samplesPerCategory();
    SplittableRandom random = new SplittableRandom(context.seed() ^ 0x1AF0C0DEL);
    Map<String, Double> metrics = new LinkedHashMap<>();
    CategoryMatching matching;
    try (DomainClassifier classifier = DomainClassifier.obtain(context, parameters.classifierEpochs())) {
      int[][] labels = new int[categories][];
      for (int k = 0; k < categories; k++) {
        HostTensor x = generate(withCodes, Encodings.standardNormal(n, dim, random), constant(n, k),
            uniformCodes(n, random));
        labels[k] = DomainClassifier.argmax(classifier.probabilities(x));
      }
      matching = CategoryMatching.of(labels, data.numClasses());
      metrics.put(ID + "/c1-accuracy", matching.accuracy());
      metrics.put(ID + "/classifier-accuracy", classifier.testAccuracy());
    }
    List<ImageGrid> figures = new ArrayList<>();
    figures.add(categoryGrid(withCodes, dim, random, data, matching));
    for (int j = 0; j < parameters.continuousCodes(); j++) {
      figures.add(sweepGrid(withCodes, dim, random, j));
    }
    return new Evaluation(metrics, List.of(table(matching, data, n)), figures);
  }

  /** The model's images for noise {@code z}, c1 values {@code category} and continuous codes {@code continuous}. */
  private HostTensor generate(CompiledFunction withCodes, HostTensor z, HostTensor category, HostTensor continuous) {
    Map<String, HostTensor> inputs = parameters.continuousCodes() > 0
        ? Map.of("z", z, "category", category, "continuous", continuous)
        : Map.of("z", z, "category", category);
    return withCodes.apply(inputs).get("x");
  }

  private static HostTensor constant(int n, float value) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, value);
    return new HostTensor(v, new int[] {n});
  }

  /** {@code n} rows of continuous codes from their prior {@code U[-1, 1]}. */
  private HostTensor uniformCodes(int n, SplittableRandom random) {
    int m = parameters.continuousCodes();
    float[] v = new float[n * m];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (2 * random.nextDouble() - 1);
    }
    return new HostTensor(v, new int[] {n, m});
  }

  private ResultTable table(CategoryMatching matching, Dataset data, int n) {
    List<List<String>> rows = new ArrayList<>();
    for (int k = 0; k < matching.matched().length; k++) {
      int c = matching.matched()[k];
      long samples = matching.samples(k);
      int majority = matching.majority(k);
      rows.add(List.of(Integer.toString(k), c >= 0 ? data.classNames().get(c) : "none",
          c >= 0 ? Encodings.f4((double) matching.counts()[k][c] / samples) : "0",
          data.classNames().get(majority), Encodings.f4((double) matching.counts()[k][majority] / samples)));
    }
    return new ResultTable("c1 values matched to classes", List.of("c1", "matched class", "share labelled so",
        "most frequent label", "its share"), rows, String.format(Locale.ROOT,
        "%d samples per c1 value (noise and continuous codes from their priors), labelled by the domain classifier;"
            + " c1 values matched one-to-one to classes by the Hungarian algorithm on the counts. c1 accuracy %.4f"
            + " (chance about %.2f).", n, matching.accuracy(), 1.0 / data.numClasses()));
  }

  /** Rows: c1 values; columns: noise vectors; continuous codes 0. */
  private ImageGrid categoryGrid(CompiledFunction withCodes, int dim, SplittableRandom random, Dataset data,
      CategoryMatching matching) {
    int categories = parameters.categories();
    int columns = parameters.gridColumns();
    HostTensor noise = Encodings.standardNormal(columns, dim, random);
    int n = categories * columns;
    float[] z = new float[n * dim];
    float[] category = new float[n];
    for (int k = 0; k < categories; k++) {
      for (int j = 0; j < columns; j++) {
        System.arraycopy(noise.data(), j * dim, z, (k * columns + j) * dim, dim);
        category[k * columns + j] = k;
      }
    }
    List<String> matched = new ArrayList<>();
    for (int c : matching.matched()) {
      matched.add(c >= 0 ? data.classNames().get(c) : "none");
    }
    HostTensor images = generate(withCodes, new HostTensor(z, new int[] {n, dim}), new HostTensor(category,
        new int[] {n}), new HostTensor(new float[n * parameters.continuousCodes()],
        new int[] {n, parameters.continuousCodes()}));
    return new ImageGrid("c1-values", "Varying c1", images, columns,
        "Row k: c1 = k (matched to classes " + String.join(", ", matched) + " in row order); each column one noise"
            + " vector, continuous codes 0.");
  }

  /** Rows: fixed noise and c1 (row r has c1 = r mod categories); columns: continuous code {@code j} from -2 to 2. */
  private ImageGrid sweepGrid(CompiledFunction withCodes, int dim, SplittableRandom random, int j) {
    int rows = parameters.sweepRows();
    int steps = parameters.sweepSteps();
    int m = parameters.continuousCodes();
    HostTensor noise = Encodings.standardNormal(rows, dim, random);
    int n = rows * steps;
    float[] z = new float[n * dim];
    float[] category = new float[n];
    float[] continuous = new float[n * m];
    for (int r = 0; r < rows; r++) {
      for (int s = 0; s < steps; s++) {
        int i = r * steps + s;
        System.arraycopy(noise.data(), r * dim, z, i * dim, dim);
        category[i] = r % parameters.categories();
        continuous[i * m + j] = -SWEEP + 2 * SWEEP * s / (steps - 1);
      }
    }
    String code = "c" + (j + 2);
    HostTensor images = generate(withCodes, new HostTensor(z, new int[] {n, dim}),
        new HostTensor(category, new int[] {n}), new HostTensor(continuous, new int[] {n, m}));
    return new ImageGrid(code + "-sweep", "Varying " + code + " from -2 to 2", images, steps,
        "Each row: one noise vector and c1 value (row r: c1 = r mod " + parameters.categories() + "), " + code
            + " from -2 to 2 left to right (its prior is U[-1, 1]), the other continuous codes 0.");
  }
}
