package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

/** The style-mixing grids and the source that decides a mix's class, on generators whose mixing is known. */
class StyleMixingEvaluatorTest {
  private static Backend backend;
  private static final Dataset DATA = QuadrantData.dataset(1200, 400);

  @TempDir Path cache;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  /**
   * A "generator" painting the quadrants with one of its codes: with {@code z} wherever some style comes
   * from {@code z} ({@code coarseDecides}: crossover above 0), else only when every style does (crossover 1).
   */
  private static CompiledFunction mixing(boolean coarseDecides) {
    return in -> {
      HostTensor z = in.get("z");
      HostTensor zMixed = in.get("z-mixed");
      int n = z.shape()[0];
      int d = z.rowSize();
      float[] codes = new float[n * d];
      for (int i = 0; i < n; i++) {
        float t = in.get("crossover").data()[i];
        boolean fromZ = coarseDecides ? t > 0 : t >= 1;
        System.arraycopy((fromZ ? z : zMixed).data(), i * d, codes, i * d, d);
      }
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(codes, new int[] {n, d})));
    };
  }

  private Evaluation evaluate(CompiledFunction generateMixed) {
    EvaluationContext context = EvaluationContexts.withNoiseSize(
        EvaluationContexts.of(DATA, Map.of(Model.Functions.GENERATE_MIXED, generateMixed), 5, backend, cache), 4);
    return new StyleMixingEvaluator(new StyleMixingParameters(3, 4, 300, 3)).evaluate(context);
  }

  @Test
  void whenTheCoarseStylesDecideEveryMixShowsTheCoarseSourcesClass() {
    Evaluation e = evaluate(mixing(true));
    assertThat(e.metrics().get("style-mixing/pairs-of-different-classes")).isGreaterThan(150);
    assertThat(e.metrics().get("style-mixing/coarse-mix/class-of-coarse-source")).isGreaterThan(0.9);
    assertThat(e.metrics().get("style-mixing/coarse-mix/class-of-fine-source")).isLessThan(0.1);
    assertThat(e.metrics().get("style-mixing/fine-mix/class-of-coarse-source")).isGreaterThan(0.9);
    assertThat(e.figures()).extracting(g -> g.name()).containsExactly("style-mixing-coarse", "style-mixing-fine");
    assertThat(e.figures().get(0).images().shape()).containsExactly(4 * 5, 1, 8, 8);
    assertThat(e.figures().get(0).columns()).isEqualTo(5);
    HostTensor grid = e.figures().get(0).images();
    int size = 64;
    for (int p = 0; p < size; p++) {
      assertThat(grid.data()[p]).as("empty corner").isZero();
    }
    // Cell (row 1, column 1) has B's coarse styles: here it is B's image, the top of its column.
    for (int p = 0; p < size; p++) {
      assertThat(grid.data()[(5 + 1) * size + p]).isEqualTo(grid.data()[size + p]);
    }
  }

  @Test
  void whenTheFineStylesDecideMixesShowTheFineSourcesClass() {
    Evaluation e = evaluate(mixing(false));
    assertThat(e.metrics().get("style-mixing/coarse-mix/class-of-fine-source")).isGreaterThan(0.9);
    assertThat(e.metrics().get("style-mixing/fine-mix/class-of-fine-source")).isGreaterThan(0.9);
    assertThat(e.metrics().get("style-mixing/fine-mix/class-of-coarse-source")).isLessThan(0.1);
  }

  @Test
  void aModelWithoutStyleMixingIsRefusedClearly() {
    EvaluationContext context = EvaluationContexts.withNoiseSize(
        EvaluationContexts.of(DATA, Map.of(Model.Functions.GENERATE, QuadrantData.DECODE), 5, backend, cache), 4);
    assertThatThrownBy(() -> new StyleMixingEvaluator(new StyleMixingParameters(null, null, null, null)).evaluate(context))
        .hasMessageContaining("style-mixing: the model offers no 'generate-mixed' function")
        .hasMessageContaining("stylegan");
  }
}
