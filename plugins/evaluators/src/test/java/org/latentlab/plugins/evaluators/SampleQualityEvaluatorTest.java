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

/** Sample quality on the quadrant data: a collapsed generator has a far higher FID and a lower recall than one covering the classes. */
class SampleQualityEvaluatorTest {
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

  private Evaluation fid(CompiledFunction generate) {
    EvaluationContext context = EvaluationContexts.withNoiseSize(
        EvaluationContexts.of(DATA, Map.of(Model.Functions.GENERATE, generate), 3, backend, cache), 4);
    return new SampleQualityEvaluator(new SampleQualityParameters(400, 3, 3)).evaluate(context);
  }

  @Test
  void aCollapsedGeneratorScoresFarAboveOneThatCoversTheClasses() {
    CompiledFunction brightestQuadrant = in -> {
      HostTensor z = in.get("z");
      int n = z.shape()[0];
      float[] codes = new float[n * 4];
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int k = 1; k < 4; k++) {
          best = z.data()[i * 4 + k] > z.data()[i * 4 + best] ? k : best;
        }
        for (int k = 0; k < 4; k++) {
          codes[i * 4 + k] = (k == best ? 0.8f : 0.1f) + 0.05f * z.data()[i * 4 + k];
        }
      }
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(codes, new int[] {n, 4})));
    };
    CompiledFunction alwaysFirst = in -> {
      int n = in.get("z").shape()[0];
      float[] codes = new float[n * 4];
      for (int i = 0; i < n; i++) {
        codes[i * 4] = 0.8f;
        codes[i * 4 + 1] = 0.1f;
        codes[i * 4 + 2] = 0.1f;
        codes[i * 4 + 3] = 0.1f;
      }
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(codes, new int[] {n, 4})));
    };
    Evaluation covering = fid(brightestQuadrant);
    Evaluation collapsed = fid(alwaysFirst);
    double floor = covering.metrics().get("sample-quality/fid-floor");
    assertThat(floor).isGreaterThanOrEqualTo(0);
    assertThat(collapsed.metrics().get("sample-quality/fid-floor")).isEqualTo(floor);
    assertThat(collapsed.metrics().get("sample-quality/fid")).isGreaterThan(3 * covering.metrics().get("sample-quality/fid"));
    assertThat(covering.metrics().get("sample-quality/fid-ratio-to-floor"))
        .isEqualTo(covering.metrics().get("sample-quality/fid") / floor);
    assertThat(covering.tables().get(0).title()).contains("metric card");
    assertThat(covering.metrics().get("sample-quality/memorisation-ratio")).as("new images are not copies")
        .isGreaterThan(0.5);
  }

  /** A generator that returns training images: the one picked by each noise row, or always the first. */
  private static CompiledFunction replaying(boolean onlyTheFirst) {
    return in -> {
      HostTensor z = in.get("z");
      int n = z.shape()[0];
      int[] idx = new int[n];
      for (int i = 0; i < n; i++) {
        idx[i] = onlyTheFirst ? 0 : (int) (Math.abs((double) z.data()[i * 4]) * 1e6) % DATA.train().size();
      }
      return Map.of("x", DATA.train().images(idx));
    };
  }

  @Test
  void realImagesArePreciseAndOnlyVarietyBringsRecall() {
    Evaluation varied = fid(replaying(false));
    Evaluation one = fid(replaying(true));
    assertThat(varied.metrics().get("sample-quality/precision")).as("training images lie on the data's manifold")
        .isGreaterThan(0.7);
    assertThat(varied.metrics().get("sample-quality/recall")).isGreaterThan(0.7);
    assertThat(one.metrics().get("sample-quality/precision")).isGreaterThan(0.9);
    assertThat(one.metrics().get("sample-quality/recall")).as("a single image covers almost none of the data")
        .isLessThan(0.05);
    assertThat(varied.metrics().get("sample-quality/fid")).isLessThan(3 * varied.metrics().get("sample-quality/fid-floor"));
    assertThat(varied.metrics().get("sample-quality/memorisation-ratio")).as("replayed training images are copies")
        .isLessThan(1e-6);
    assertThat(varied.figures().get(0).images().shape()).as("8 samples, each beside 6 neighbours")
        .containsExactly(8 * 7, 1, 8, 8);
    float[] grid = varied.figures().get(0).images().data();
    int size = 64;
    assertThat(java.util.Arrays.copyOfRange(grid, size, 2 * size)).as("a replayed image's nearest neighbour is itself")
        .containsExactly(java.util.Arrays.copyOfRange(grid, 0, size));
  }

  @Test
  void needsGenerateAndANoiseSize() {
    SampleQualityEvaluator evaluator = new SampleQualityEvaluator(new SampleQualityParameters(100, 3, 3));
    assertThatThrownBy(() -> evaluator.evaluate(EvaluationContexts.of(DATA, Map.of(), 3, backend, cache)))
        .hasMessageContaining("no 'generate' function");
    assertThatThrownBy(() -> evaluator.evaluate(EvaluationContexts.of(DATA,
        Map.of(Model.Functions.GENERATE, QuadrantData.DECODE), 3, backend, cache)))
        .hasMessageContaining("no noise size");
  }
}
