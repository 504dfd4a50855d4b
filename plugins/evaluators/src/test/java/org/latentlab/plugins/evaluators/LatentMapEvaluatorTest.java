package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluatorProvider;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;

class LatentMapEvaluatorTest {
  private static final int SIDE = 8;
  private static final List<String> CLASSES = List.of("top-left", "top-right", "bottom-left", "bottom-right");

  /** Noisy images whose class (0-3) is the brighter quadrant. */
  private static ImageSet quadrants(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int cls = r.nextInt(4);
      labels[i] = cls;
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          int quadrant = (y < SIDE / 2 ? 0 : 2) + (x < SIDE / 2 ? 0 : 1);
          float base = quadrant == cls ? 0.7f : 0.3f;
          pixels[i * SIDE * SIDE + y * SIDE + x] = (float) Math.min(1, Math.max(0, base + 0.2 * r.nextGaussian()));
        }
      }
    }
    return new ImageSet(pixels, labels, 1, SIDE, SIDE);
  }

  /** A fake encoder: the four quadrant means, then four constant codes (a dead part of the code). */
  private static final CompiledFunction QUADRANT_MEANS = inputs -> {
    HostTensor x = inputs.get("x");
    int n = x.shape()[0];
    float[] z = new float[n * 8];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < SIDE; y++) {
        for (int c = 0; c < SIDE; c++) {
          int q = (y < SIDE / 2 ? 0 : 2) + (c < SIDE / 2 ? 0 : 1);
          z[i * 8 + q] += x.data()[i * SIDE * SIDE + y * SIDE + c] / (SIDE * SIDE / 4f);
        }
      }
      Arrays.fill(z, i * 8 + 4, i * 8 + 8, 0.5f);
    }
    return Map.of("z", new HostTensor(z, new int[] {n, 8}));
  };

  private static final Dataset DATA = new Dataset("quadrants", quadrants(200, 1), quadrants(500, 2), CLASSES,
      List.of());

  private static final LatentMapParameters FAST = new LatentMapParameters(300, 160, 20.0, 400, null, null, null);

  private static Evaluation evaluate(LatentMapParameters parameters, long seed) {
    return new LatentMapEvaluator(parameters).evaluate(
        EvaluationContexts.of(DATA, Map.of(Model.Functions.ENCODE, QUADRANT_MEANS), seed));
  }

  @Test
  void mapsTheCodesWithPcaAndTsneColouredByClass() {
    Evaluation e = evaluate(FAST, 3);
    assertThat(e.metrics()).containsOnlyKeys("latent-map/pca-explained-variance", "latent-map/tsne-knn-accuracy");
    // four informative dimensions with equal spread: two components explain about two thirds
    assertThat(e.metrics().get("latent-map/pca-explained-variance")).isBetween(0.5, 0.9);
    assertThat(e.metrics().get("latent-map/tsne-knn-accuracy")).isGreaterThan(0.95);
    assertThat(e.charts()).extracting(Chart::name).containsExactly("pca", "tsne");
    for (Chart chart : e.charts()) {
      assertThat(chart.kind()).isEqualTo(Chart.Kind.SCATTER);
      assertThat(chart.series()).extracting(Chart.Series::name).containsExactlyElementsOf(CLASSES);
    }
    Chart pca = e.charts().get(0);
    Chart tsne = e.charts().get(1);
    assertThat(pca.series().stream().mapToInt(s -> s.x().length).sum()).isEqualTo(300);
    assertThat(tsne.series().stream().mapToInt(s -> s.x().length).sum()).isEqualTo(160);
    // class-balanced samples
    assertThat(tsne.series()).allSatisfy(s -> assertThat(s.x()).hasSize(40));
    assertThat(pca.series()).allSatisfy(s -> assertThat(s.x()).hasSize(75));
    assertThat(pca.caption()).contains("300 test images", "8-d codes");
    assertThat(tsne.caption()).contains("perplexity 20", "400 iterations", "160 test");
    assertThat(e.tables()).singleElement().satisfies(t ->
        assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("PCA", "t-SNE"));
  }

  @Test
  void theSameSeedGivesTheSameMaps() {
    LatentMapParameters quick = new LatentMapParameters(120, 60, 10.0, 150, null, null, null);
    Evaluation a = evaluate(quick, 9);
    Evaluation b = evaluate(quick, 9);
    assertThat(a.metrics()).isEqualTo(b.metrics());
    for (int c = 0; c < 2; c++) {
      for (int s = 0; s < CLASSES.size(); s++) {
        assertThat(a.charts().get(c).series().get(s).x()).containsExactly(b.charts().get(c).series().get(s).x());
        assertThat(a.charts().get(c).series().get(s).y()).containsExactly(b.charts().get(c).series().get(s).y());
      }
    }
  }

  @Test
  void withoutTsnePointsOnlyThePcaMapIsDrawn() {
    Evaluation e = evaluate(new LatentMapParameters(100, 0, null, null, null, null, null), 1);
    assertThat(e.charts()).extracting(Chart::name).containsExactly("pca");
    assertThat(e.metrics()).containsOnlyKeys("latent-map/pca-explained-variance");
  }

  @Test
  void aModelWithoutEncodeIsRefusedByName() {
    assertThatThrownBy(() -> new LatentMapEvaluator(FAST).evaluate(EvaluationContexts.of(DATA, Map.of(), 1)))
        .hasMessageContaining("latent-map").hasMessageContaining(Model.Functions.ENCODE);
  }

  @Test
  void balancedSampleTakesClassesInTurnAndIsSeeded() {
    int[] labels = {0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2};
    int[] sample = LatentMapEvaluator.balancedSample(labels, 9, 4);
    assertThat(sample).hasSize(9).doesNotHaveDuplicates();
    int[] firstSix = Arrays.stream(Arrays.copyOf(sample, 6)).map(i -> labels[i]).toArray();
    assertThat(firstSix).containsExactly(0, 1, 2, 0, 1, 2);
    // class 1 ran out: the other classes fill its turns
    int[] rest = Arrays.stream(Arrays.copyOfRange(sample, 6, 9)).map(i -> labels[i]).toArray();
    assertThat(rest).containsExactly(0, 2, 0);
    assertThat(LatentMapEvaluator.balancedSample(labels, 9, 4)).containsExactly(sample);
    assertThat(LatentMapEvaluator.balancedSample(labels, 100, 4)).hasSize(labels.length);
  }

  @Test
  void parametersHaveTheDocumentedDefaultsAndAreChecked() {
    LatentMapParameters defaults = new LatentMapParameters(null, null, null, null, null, null, null);
    assertThat(defaults.points()).isEqualTo(2000);
    assertThat(defaults.tsnePoints()).isEqualTo(1000);
    assertThat(defaults.perplexity()).isEqualTo(30.0);
    assertThat(defaults.pcaDimensions()).isEqualTo(50);
    assertThat(defaults.neighbours()).isEqualTo(5);
    Problems problems = new Problems();
    new LatentMapParameters(1, 20_000, 0.5, null, null, null, null).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("points", "tsnePoints", "perplexity");
  }

  @Test
  void theProviderIsFoundByServiceLoader() {
    assertThat(ServiceLoader.load(EvaluatorProvider.class).stream().map(ServiceLoader.Provider::get)
        .map(EvaluatorProvider::id)).contains("latent-map");
  }
}
