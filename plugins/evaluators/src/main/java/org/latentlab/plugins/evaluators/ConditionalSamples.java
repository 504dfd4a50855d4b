package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/**
 * How well a conditional generator ({@code generate-conditional}: {@code z, y -> x}) obeys its class:
 * {@code perClass} samples of every class {@code k}, each labelled by the {@link DomainClassifier}; the
 * share labelled {@code k} per class, their mean ({@code conditional-accuracy}) and the worst class
 * ({@code conditional-accuracy-min}), and a class-by-class grid (one row per class, the same noise in
 * every column, so a column shows one "style" across the classes).
 */
final class ConditionalSamples {
  private static final int COLUMNS = 10;
  private static final int BATCH = 500;

  private ConditionalSamples() {}

  /** Adds the metrics (under {@code prefix}), the per-class table and the class grid. */
  static void describe(String prefix, CompiledFunction generate, int noiseSize, int perClass,
      DomainClassifier classifier, Dataset data, SplittableRandom random, Map<String, Double> metrics,
      List<ResultTable> tables, List<ImageGrid> figures) {
    int k = data.numClasses();
    double[] accuracy = new double[k];
    List<List<String>> rows = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      HostTensor images = generate(generate, Encodings.standardNormal(perClass, noiseSize, random), c);
      int[] predicted = DomainClassifier.argmax(classifier.probabilities(images));
      int right = 0;
      for (int p : predicted) {
        right += p == c ? 1 : 0;
      }
      accuracy[c] = (double) right / perClass;
      rows.add(List.of(data.classNames().get(c), Integer.toString(perClass), Encodings.f4(accuracy[c])));
    }
    double mean = java.util.Arrays.stream(accuracy).average().orElseThrow();
    double min = java.util.Arrays.stream(accuracy).min().orElseThrow();
    metrics.put(prefix + "conditional-accuracy", mean);
    metrics.put(prefix + "conditional-accuracy-min", min);
    tables.add(new ResultTable("Samples of each asked class labelled as that class",
        List.of("asked class", "samples", "labelled as asked"), rows, String.format(Locale.ROOT,
            "The domain classifier labels %.1f%% of the conditional samples as the class they were generated"
                + " for (worst class %.1f%%).", 100 * mean, 100 * min)));
    figures.add(classGrid(generate, noiseSize, k, random, data));
  }

  /** One row per class, {@value #COLUMNS} columns sharing their noise down the rows. */
  private static ImageGrid classGrid(CompiledFunction generate, int noiseSize, int k, SplittableRandom random,
      Dataset data) {
    HostTensor noise = Encodings.standardNormal(COLUMNS, noiseSize, random);
    float[] z = new float[k * COLUMNS * noiseSize];
    float[] y = new float[k * COLUMNS];
    for (int c = 0; c < k; c++) {
      System.arraycopy(noise.data(), 0, z, c * COLUMNS * noiseSize, COLUMNS * noiseSize);
      java.util.Arrays.fill(y, c * COLUMNS, (c + 1) * COLUMNS, c);
    }
    HostTensor images = generate.apply(Map.of("z", new HostTensor(z, new int[] {k * COLUMNS, noiseSize}),
        "y", new HostTensor(y, new int[] {k * COLUMNS}))).get("x");
    return new ImageGrid("class-grid", "Samples by class", images, COLUMNS,
        "One row per asked class (" + String.join(", ", data.classNames()) + "), the same noise in each column.");
  }

  /** Samples of class {@code c} from noise rows {@code z}, in batches. */
  private static HostTensor generate(CompiledFunction generate, HostTensor z, int c) {
    int n = z.shape()[0];
    int d = z.rowSize();
    HostTensor first = null;
    float[] out = null;
    for (int from = 0; from < n; from += BATCH) {
      int m = Math.min(BATCH, n - from);
      float[] rows = java.util.Arrays.copyOfRange(z.data(), from * d, (from + m) * d);
      float[] labels = new float[m];
      java.util.Arrays.fill(labels, c);
      HostTensor x = generate.apply(Map.of("z", new HostTensor(rows, new int[] {m, d}),
          "y", new HostTensor(labels, new int[] {m}))).get("x");
      if (first == null) {
        first = x;
        out = new float[n * x.rowSize()];
      }
      System.arraycopy(x.data(), 0, out, from * x.rowSize(), m * x.rowSize());
    }
    int[] shape = first.shape().clone();
    shape[0] = n;
    return new HostTensor(out, shape);
  }
}
