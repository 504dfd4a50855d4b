package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/**
 * Style mixing as Karras et al., "A Style-Based Generator Architecture for Generative Adversarial
 * Networks" (CVPR 2019), Fig. 3 shows it, for models with {@link Model.Functions#GENERATE_MIXED}. Two grids:
 * the top row holds the images of source-B codes, the left column those of source-A codes, and each cell
 * mixes its row's and column's codes, taking from B the coarse styles (first third of the style inputs,
 * crossover {@value #COARSE}) in the first grid and the fine styles (last third, crossover {@value #FINE})
 * in the second, the rest from A. It also measures which source decides what the image shows: over random
 * pairs of codes whose own images the {@link DomainClassifier} labels differently, the share of mixes
 * labelled as the coarse-style source's image and as the fine-style source's.
 */
final class StyleMixingEvaluator implements Evaluator {
  static final String ID = "style-mixing";
  /** Crossover giving the first third of the style inputs (the coarse ones) to {@code z}. */
  static final float COARSE = 1f / 3;
  /** Crossover giving the first two thirds (coarse and middle) to {@code z}, the fine ones to {@code z-mixed}. */
  static final float FINE = 2f / 3;

  private final StyleMixingParameters parameters;

  StyleMixingEvaluator(StyleMixingParameters parameters) {
    this.parameters = parameters;
  }

  @Override
  public Evaluation evaluate(EvaluationContext context) {
    CompiledFunction mixed = context.function(Model.Functions.GENERATE_MIXED).orElseThrow(() ->
        new IllegalStateException(ID + ": the model offers no '" + Model.Functions.GENERATE_MIXED + "' function;"
            + " style mixing needs a style-based generator (e.g. model type stylegan)"));
    int dim = Encodings.noiseSize(context, ID);
    SplittableRandom random = new SplittableRandom(context.seed() ^ 0x5354594C45L);
    HostTensor a = Encodings.standardNormal(parameters.rows(), dim, random);
    HostTensor b = Encodings.standardNormal(parameters.columns(), dim, random);
    List<ImageGrid> figures = List.of(
        grid(mixed, a, b, true, "style-mixing-coarse", "Style mixing: coarse styles from B",
            "Top row: source B; left column: source A; each cell takes the coarse styles (first third of the style"
                + " inputs, the lowest resolutions) from its column's B code and the rest from its row's A code."),
        grid(mixed, a, b, false, "style-mixing-fine", "Style mixing: fine styles from B",
            "Top row: source B; left column: source A; each cell takes the fine styles (last third of the style"
                + " inputs, the highest resolution) from its column's B code and the rest from its row's A code."));

    int n = parameters.pairs();
    HostTensor first = Encodings.standardNormal(n, dim, random);
    HostTensor second = Encodings.standardNormal(n, dim, random);
    Map<String, Double> metrics = new LinkedHashMap<>();
    List<List<String>> rows = new ArrayList<>();
    try (DomainClassifier classifier = DomainClassifier.obtain(context, parameters.classifierEpochs())) {
      int[] classOfFirst = DomainClassifier.argmax(classifier.probabilities(mix(mixed, first, first, 1f)));
      int[] classOfSecond = DomainClassifier.argmax(classifier.probabilities(mix(mixed, second, second, 1f)));
      int[] coarseSwap = DomainClassifier.argmax(classifier.probabilities(mix(mixed, first, second, COARSE)));
      int[] fineSwap = DomainClassifier.argmax(classifier.probabilities(mix(mixed, first, second, FINE)));
      int counted = 0;
      int[] agree = new int[4];
      for (int i = 0; i < n; i++) {
        if (classOfFirst[i] != classOfSecond[i]) {
          counted++;
          agree[0] += coarseSwap[i] == classOfFirst[i] ? 1 : 0;
          agree[1] += coarseSwap[i] == classOfSecond[i] ? 1 : 0;
          agree[2] += fineSwap[i] == classOfFirst[i] ? 1 : 0;
          agree[3] += fineSwap[i] == classOfSecond[i] ? 1 : 0;
        }
      }
      double[] share = new double[4];
      for (int k = 0; k < 4; k++) {
        share[k] = counted == 0 ? Double.NaN : (double) agree[k] / counted;
      }
      metrics.put(ID + "/pairs-of-different-classes", (double) counted);
      metrics.put(ID + "/coarse-mix/class-of-coarse-source", share[0]);
      metrics.put(ID + "/coarse-mix/class-of-fine-source", share[1]);
      metrics.put(ID + "/fine-mix/class-of-coarse-source", share[2]);
      metrics.put(ID + "/fine-mix/class-of-fine-source", share[3]);
      rows.add(List.of("coarse styles from one code, the rest from the other", Encodings.f4(share[0]),
          Encodings.f4(share[1])));
      rows.add(List.of("coarse and middle styles from one code, fine from the other", Encodings.f4(share[2]),
          Encodings.f4(share[3])));
    }
    ResultTable table = new ResultTable("Which source decides the class of a mix",
        List.of("mix", "labelled as the coarse source", "labelled as the fine source"), rows,
        String.format(Locale.ROOT, "Of %d random code pairs, those whose own images the domain classifier labels"
            + " differently (count in the metrics); the rest of the mixes look like neither.", n));
    return new Evaluation(metrics, List.of(table), figures);
  }

  /** {@code generate-mixed} of codes {@code z} (styles before the crossover) and {@code zMixed}. */
  private static HostTensor mix(CompiledFunction mixed, HostTensor z, HostTensor zMixed, float crossover) {
    int n = z.shape()[0];
    HostTensor t = new HostTensor(filled(n, crossover), new int[] {n});
    List<HostTensor> parts = new ArrayList<>();
    for (int from = 0; from < n; from += Encodings.BATCH) {
      int to = Math.min(n, from + Encodings.BATCH);
      parts.add(mixed.apply(Map.of("z", z.rows(from, to), "z-mixed", zMixed.rows(from, to), "crossover",
          t.rows(from, to))).get("x"));
    }
    return concat(parts);
  }

  /**
   * The Fig. 3 grid: an empty corner, B's images along the top, A's down the left, and in cell (i, j) the
   * mix of A_i and B_j with B's coarse styles ({@code coarseFromB}) or B's fine styles.
   */
  private static ImageGrid grid(CompiledFunction mixed, HostTensor a, HostTensor b, boolean coarseFromB, String name,
      String title, String caption) {
    int rows = a.shape()[0];
    int columns = b.shape()[0];
    HostTensor imagesOfA = mix(mixed, a, a, 1f);
    HostTensor imagesOfB = mix(mixed, b, b, 1f);
    int size = imagesOfA.rowSize();
    int d = a.rowSize();
    float[] coarse = new float[rows * columns * d];
    float[] rest = new float[rows * columns * d];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < columns; j++) {
        int cell = i * columns + j;
        System.arraycopy(coarseFromB ? b.data() : a.data(), (coarseFromB ? j : i) * d, coarse, cell * d, d);
        System.arraycopy(coarseFromB ? a.data() : b.data(), (coarseFromB ? i : j) * d, rest, cell * d, d);
      }
    }
    int[] codeShape = {rows * columns, d};
    HostTensor cells = mix(mixed, new HostTensor(coarse, codeShape), new HostTensor(rest, codeShape),
        coarseFromB ? COARSE : FINE);
    int width = columns + 1;
    float[] out = new float[(rows + 1) * width * size];
    System.arraycopy(imagesOfB.data(), 0, out, size, columns * size);
    for (int i = 0; i < rows; i++) {
      System.arraycopy(imagesOfA.data(), i * size, out, (i + 1) * width * size, size);
      System.arraycopy(cells.data(), i * columns * size, out, ((i + 1) * width + 1) * size, columns * size);
    }
    int[] shape = imagesOfA.shape().clone();
    shape[0] = (rows + 1) * width;
    return new ImageGrid(name, title, new HostTensor(out, shape), width, caption);
  }

  private static float[] filled(int n, float value) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, value);
    return v;
  }

  private static HostTensor concat(List<HostTensor> parts) {
    int total = parts.stream().mapToInt(p -> p.data().length).sum();
    float[] out = new float[total];
    int at = 0;
    int rows = 0;
    for (HostTensor p : parts) {
      System.arraycopy(p.data(), 0, out, at, p.data().length);
      at += p.data().length;
      rows += p.shape()[0];
    }
    int[] shape = parts.get(0).shape().clone();
    shape[0] = rows;
    return new HostTensor(out, shape);
  }
}
