package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

/**
 * The super-resolution evaluator on 16x16 images of a bright blob in one of four quadrants: an oracle that returns
 * the true images scores the cap, a "model" that upscales by nearest neighbour scores exactly as the nearest row.
 */
class SuperResolutionEvaluatorTest {
  private static final int SIDE = 16;
  private static final Dataset DATA = new Dataset("blobs", blobs(1200, 1), blobs(200, 2), List.of("a", "b", "c", "d"),
      List.of());
  private static Backend backend;

  @TempDir Path cache;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  private static ImageSet blobs(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(4);
      double cx = (labels[i] % 2) * 8 + 2 + 4 * r.nextDouble();
      double cy = (labels[i] / 2) * 8 + 2 + 4 * r.nextDouble();
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          v[i * SIDE * SIDE + y * SIDE + x] = (float) Math.exp(-((x - cx) * (x - cx) + (y - cy) * (y - cy)) / 4);
        }
      }
    }
    return new ImageSet(v, labels, 1, SIDE, SIDE);
  }

  /** Average pooling by 2 on the host. */
  private static final CompiledFunction HALVE = in -> {
    HostTensor x = in.get("x");
    int n = x.shape()[0];
    int half = SIDE / 2;
    float[] out = new float[n * half * half];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < SIDE; y++) {
        for (int c = 0; c < SIDE; c++) {
          out[i * half * half + (y / 2) * half + c / 2] += x.data()[i * SIDE * SIDE + y * SIDE + c] / 4;
        }
      }
    }
    return Map.of("x", new HostTensor(out, new int[] {n, 1, half, half}));
  };

  private Evaluation evaluate(CompiledFunction superResolve, CompiledFunction lowResolution) {
    return new SuperResolutionEvaluator(new SuperResolutionParameters(200, 3, 6)).evaluate(EvaluationContexts.of(DATA,
        Map.of(Model.Functions.SUPER_RESOLVE, superResolve, Model.Functions.LOW_RESOLUTION, lowResolution), 3,
        backend, cache));
  }

  @Test
  void anOracleScoresTheCapAndTheTrueImagesAccuracyAboveBicubic() {
    Map<String, Double> m = evaluate(in -> Map.of("x", in.get("x")), HALVE).metrics();
    assertThat(m.get("super-resolution/model-psnr")).isEqualTo(ImageQuality.MAX_PSNR);
    assertThat(m.get("super-resolution/model-ssim")).isEqualTo(1.0);
    assertThat(m.get("super-resolution/model-accuracy")).isEqualTo(m.get("super-resolution/true-accuracy"));
    assertThat(m.get("super-resolution/true-accuracy")).isGreaterThan(0.9);
    assertThat(m.get("super-resolution/bicubic-psnr")).as("bicubic against nearest")
        .isGreaterThan(m.get("super-resolution/nearest-psnr"));
    assertThat(m.get("super-resolution/bicubic-psnr")).isLessThan(ImageQuality.MAX_PSNR);
  }

  @Test
  void aNearestNeighbourModelScoresExactlyAsTheNearestRowAndTheFigureStacksFourRows() {
    CompiledFunction nearest = in -> Map.of("x", Upscaling.nearest(HALVE.apply(in).get("x"), 2));
    Evaluation e = evaluate(nearest, HALVE);
    Map<String, Double> m = e.metrics();
    for (String metric : new String[] {"psnr", "ssim", "accuracy"}) {
      assertThat(m.get("super-resolution/model-" + metric)).as(metric)
          .isEqualTo(m.get("super-resolution/nearest-" + metric));
    }
    ImageGrid grid = e.figures().get(0);
    assertThat(grid.columns()).isEqualTo(6);
    assertThat(grid.images().shape()).containsExactly(24, 1, SIDE, SIDE);
    int per = SIDE * SIDE;
    float[] truth = DATA.test().images(new int[] {0, 1, 2, 3, 4, 5}).data();
    assertThat(Arrays.copyOfRange(grid.images().data(), 18 * per, 24 * per)).as("last row: the true images")
        .containsExactly(truth);
    assertThat(e.tables().get(0).title()).isEqualTo("Super-resolution x2 (8x8 to 16x16)");
  }

  @Test
  void needsBothFunctionsAndAWholeFactor() {
    assertThatThrownBy(() -> new SuperResolutionEvaluator(new SuperResolutionParameters(10, 1, 2))
        .evaluate(EvaluationContexts.of(DATA, Map.of(), 3, backend, cache)))
        .hasMessageContaining("no 'super-resolve' function");
    CompiledFunction cropped = in -> Map.of("x", new HostTensor(new float[in.get("x").shape()[0] * 36],
        new int[] {in.get("x").shape()[0], 1, 6, 6}));
    assertThatThrownBy(() -> evaluate(in -> Map.of("x", in.get("x")), cropped))
        .hasMessageContaining("one whole factor");
  }
}
