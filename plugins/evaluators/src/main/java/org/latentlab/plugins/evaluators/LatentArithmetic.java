package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.ResultTable;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/**
 * Vector arithmetic on a generator's noise (Radford et al. 2016, section 6.3, "smiling woman - neutral woman +
 * neutral man"), with groups picked by the {@link DomainClassifier} instead of by hand: among samples it labels
 * confidently, the {@value #GROUP} with the most ink (mean pixel value: the thickest strokes of a digit) and the
 * {@value #GROUP} with the least form "heavy a" and "light a", the lightest of class b "light b". The mean noise
 * of each group is a concept; {@code z = mean(heavy a) - mean(light a) + mean(light b)} should draw a heavy b.
 * For each pair {@code (a, b)} the row shows the three group means decoded, the result, and the result plus
 * small noise ({@code 0.25 eps}, as the paper); the table gives the result's ink against light b's and how
 * many of the result images are still labelled b.
 *
 * @param grid       one row per class pair
 * @param table      ink and class of the results per pair
 * @param inkRatio   mean over pairs of ink(result) / ink(decoded mean of light b); above 1: the attribute moved
 * @param classKept  share of result images (with their noisy variants) labelled b
 */
record LatentArithmetic(ImageGrid grid, ResultTable table, double inkRatio, double classKept) {
  /** Samples per concept group. */
  static final int GROUP = 8;
  private static final int VARIANTS = 3;
  private static final float VARIANT_NOISE = 0.25f;
  private static final double CONFIDENT = 0.9;
  private static final int MAX_PAIRS = 5;

  /**
   * The arithmetic on {@code z} (the noise rows {@code images} came from) and the classifier's probabilities
   * {@code p} of those images, for pairs {@code (c, c + 1 mod k)}; empty when no pair has enough confident
   * samples.
   */
  static java.util.Optional<LatentArithmetic> of(CompiledFunction generate, HostTensor z, HostTensor images,
      HostTensor p, DomainClassifier classifier, Dataset data, SplittableRandom random) {
    int k = data.numClasses();
    int d = z.rowSize();
    int[] label = DomainClassifier.argmax(p);
    double[] ink = ink(images);
    List<float[]> rows = new ArrayList<>();
    List<List<String>> tableRows = new ArrayList<>();
    double inkRatioSum = 0;
    int kept = 0;
    int results = 0;
    for (int a = 0; a < Math.min(k, MAX_PAIRS); a++) {
      int b = (a + 1) % k;
      int[] groupA = confident(label, p, a, k);
      int[] groupB = confident(label, p, b, k);
      if (groupA.length < 2 * GROUP || groupB.length < GROUP) {
        continue;
      }
      int[] byInkA = sortedByInk(groupA, ink);
      int[] byInkB = sortedByInk(groupB, ink);
      float[] lightA = meanRow(z, Arrays.copyOfRange(byInkA, 0, GROUP));
      float[] heavyA = meanRow(z, Arrays.copyOfRange(byInkA, byInkA.length - GROUP, byInkA.length));
      float[] lightB = meanRow(z, Arrays.copyOfRange(byInkB, 0, GROUP));
      float[] result = new float[d];
      for (int j = 0; j < d; j++) {
        result[j] = heavyA[j] - lightA[j] + lightB[j];
      }
      int columns = 4 + VARIANTS;
      float[] codes = new float[columns * d];
      System.arraycopy(heavyA, 0, codes, 0, d);
      System.arraycopy(lightA, 0, codes, d, d);
      System.arraycopy(lightB, 0, codes, 2 * d, d);
      System.arraycopy(result, 0, codes, 3 * d, d);
      HostTensor eps = Encodings.standardNormal(VARIANTS, d, random);
      for (int v = 0; v < VARIANTS; v++) {
        for (int j = 0; j < d; j++) {
          codes[(4 + v) * d + j] = result[j] + VARIANT_NOISE * eps.data()[v * d + j];
        }
      }
      HostTensor drawn = generate.apply(Map.of("z", new HostTensor(codes, new int[] {columns, d}))).get("x");
      rows.add(drawn.data());
      double[] drawnInk = ink(drawn);
      int[] drawnLabel = DomainClassifier.argmax(classifier.probabilities(drawn));
      int keptHere = 0;
      for (int c = 3; c < columns; c++) {
        keptHere += drawnLabel[c] == b ? 1 : 0;
      }
      double ratio = drawnInk[3] / drawnInk[2];
      inkRatioSum += ratio;
      kept += keptHere;
      results += columns - 3;
      List<String> names = data.classNames();
      tableRows.add(List.of("heavy " + names.get(a) + " - light " + names.get(a) + " + light " + names.get(b),
          String.format(Locale.ROOT, "%.3f", drawnInk[2]), String.format(Locale.ROOT, "%.3f", drawnInk[3]),
          String.format(Locale.ROOT, "%.2f", ratio), keptHere + " of " + (columns - 3)));
    }
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    int columns = 4 + VARIANTS;
    int size = images.rowSize();
    float[] grid = new float[rows.size() * columns * size];
    for (int r = 0; r < rows.size(); r++) {
      System.arraycopy(rows.get(r), 0, grid, r * columns * size, columns * size);
    }
    int[] shape = images.shape().clone();
    shape[0] = rows.size() * columns;
    ImageGrid figure = new ImageGrid("latent-arithmetic", "Vector arithmetic on the noise", new HostTensor(grid, shape),
        columns, "Each row: heavy a, light a, light b (decoded mean noise of " + GROUP + " samples each), then heavy a"
            + " - light a + light b, and that plus 0.25 N(0, I) three times. Groups are picked by the domain"
            + " classifier's label and by ink (mean pixel value).");
    double inkRatio = inkRatioSum / rows.size();
    double classKept = (double) kept / results;
    ResultTable table = new ResultTable("Vector arithmetic on the noise",
        List.of("arithmetic", "ink of light b", "ink of the result", "ratio", "results labelled b"), tableRows,
        String.format(Locale.ROOT, "Mean ink ratio %.2f (above 1: the result is heavier than light b, so the"
            + " heavy-minus-light direction carried over); %.0f%% of the results keep class b.", inkRatio,
            100 * classKept));
    return java.util.Optional.of(new LatentArithmetic(figure, table, inkRatio, classKept));
  }

  /** Mean pixel value of each image. */
  static double[] ink(HostTensor images) {
    int n = images.shape()[0];
    int size = images.rowSize();
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int q = 0; q < size; q++) {
        s += images.data()[i * size + q];
      }
      out[i] = s / size;
    }
    return out;
  }

  private static int[] confident(int[] label, HostTensor p, int c, int k) {
    return IntStream.range(0, label.length)
        .filter(i -> label[i] == c && p.data()[i * k + c] >= CONFIDENT)
        .toArray();
  }

  private static int[] sortedByInk(int[] group, double[] ink) {
    return Arrays.stream(group).boxed().sorted(Comparator.comparingDouble(i -> ink[i]))
        .mapToInt(Integer::intValue).toArray();
  }

  private static float[] meanRow(HostTensor z, int[] rows) {
    int d = z.rowSize();
    float[] mean = new float[d];
    for (int r : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += z.data()[r * d + j] / rows.length;
      }
    }
    return mean;
  }
}
