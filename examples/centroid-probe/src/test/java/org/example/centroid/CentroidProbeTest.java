package org.example.centroid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;

/** The probe on a toy data set whose classes differ in where the image is bright, through the testkit's context. */
class CentroidProbeTest {
  /** 8x8 images: class 0 bright on the left half, class 1 on the right, plus noise. */
  private static ImageSet halves(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * 64];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int p = 0; p < 64; p++) {
        boolean left = p % 8 < 4;
        float base = left == (labels[i] == 0) ? 0.7f : 0.2f;
        pixels[i * 64 + p] = (float) Math.min(1, Math.max(0, base + 0.3 * r.nextGaussian()));
      }
    }
    return new ImageSet(pixels, labels, 1, 8, 8);
  }

  private static final Dataset DATA = new Dataset("halves", halves(200, 1), halves(100, 2), List.of("left", "right"),
      List.of());

  /** An "encoder" given as a plain host function: the flattened pixels, or a constant code. */
  private static CompiledFunction encoder(boolean informative) {
    return inputs -> {
      HostTensor x = inputs.get("x");
      int n = x.shape()[0];
      float[] z = informative ? x.data().clone() : new float[n * 4];
      return Map.of("z", new HostTensor(z, new int[] {n, informative ? 64 : 4}));
    };
  }

  @Test
  void codesThatSeparateTheClassesScoreHigh() throws Exception {
    Evaluation e = new CentroidProbeProvider().create(new CentroidProbeParameters(null, null))
        .evaluate(EvaluationContexts.of(DATA, Map.of(Model.Functions.ENCODE, encoder(true)), 3));
    assertThat(e.metrics().get("centroid-probe/accuracy")).isGreaterThan(0.95);
    assertThat(e.tables().get(0).rows()).hasSize(2);
  }

  @Test
  void codesWithoutInformationScoreAtChance() throws Exception {
    Evaluation e = new CentroidProbeProvider().create(new CentroidProbeParameters(7, false))
        .evaluate(EvaluationContexts.of(DATA, Map.of(Model.Functions.ENCODE, encoder(false)), 3));
    assertThat(e.metrics().get("centroid-probe/accuracy")).isEqualTo(0.5);
  }

  @Test
  void validationNamesTheField() {
    Problems problems = new Problems();
    new CentroidProbeParameters(0, null).validate(problems);
    assertThat(problems.all()).hasSize(1);
    assertThat(problems.all().get(0).message()).isEqualTo("batchSize must be > 0 (was 0)");
  }
}
