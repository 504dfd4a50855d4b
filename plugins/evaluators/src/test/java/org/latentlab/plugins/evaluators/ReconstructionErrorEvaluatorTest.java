package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.junit.jupiter.api.Test;

class ReconstructionErrorEvaluatorTest {

  private static Evaluation evaluate(ImageSet test, CompiledFunction reconstruct) throws Exception {
    Dataset data = new Dataset("t", test, test, List.of("0"), List.of());
    EvaluationContext context = EvaluationContexts.of(data, Map.of(Model.Functions.RECONSTRUCT, reconstruct), 0);
    return new ReconstructionErrorEvaluator(new ReconstructionErrorParameters(null, null, null)).evaluate(context);
  }

  @Test
  void aPerfectReconstructionOfBinaryImagesHasNoError() throws Exception {
    ImageSet test = new ImageSet(new float[] {0, 1, 1, 0, 1, 1, 0, 0}, new int[] {0, 0}, 1, 2, 2);
    Evaluation e = evaluate(test, in -> Map.of("x", in.get("x")));
    assertThat(e.metrics().get("reconstruction-error/mse")).isZero();
    assertThat(e.metrics().get("reconstruction-error/bce")).isCloseTo(0, within(1e-5));
  }

  @Test
  void aConstantHalfGreyReconstructionHasKnownErrors() throws Exception {
    ImageSet test = new ImageSet(new float[] {0, 1, 1, 0}, new int[] {0}, 1, 2, 2);
    Evaluation e = evaluate(test, in -> Map.of("x", new HostTensor(new float[] {0.5f, 0.5f, 0.5f, 0.5f}, in.get("x").shape())));
    assertThat(e.metrics().get("reconstruction-error/mse")).isCloseTo(0.25, within(1e-9));
    assertThat(e.metrics().get("reconstruction-error/bce")).isCloseTo(Math.log(2), within(1e-6));
  }

  @Test
  void corruptionsHitTheirFractionAndTheNoisyErrorComparesWithTheCleanImages() throws Exception {
    int n = 200;
    float[] pixels = new float[n * 64];
    java.util.Arrays.fill(pixels, 0.5f);
    ImageSet test = new ImageSet(pixels, new int[n], 1, 8, 8);
    Dataset data = new Dataset("t", test, test, List.of("0"), List.of());
    for (String corruption : List.of("masking", "salt-and-pepper")) {
      ReconstructionErrorEvaluator evaluator =
          new ReconstructionErrorEvaluator(new ReconstructionErrorParameters(corruption, 0.25, 7L));
      float[] noisy = evaluator.corrupt(test).pixels();
      int changed = 0;
      for (float v : noisy) {
        changed += v != 0.5f ? 1 : 0;
      }
      assertThat((double) changed / noisy.length).as(corruption).isCloseTo(0.25, within(0.02));
      // the identity "model" reproduces the corruption: its noisy MSE is the corruption's own error, 0.25 * 0.25
      Evaluation e = evaluator.evaluate(EvaluationContexts.of(data,
          Map.of(Model.Functions.RECONSTRUCT, in -> Map.of("x", in.get("x"))), 0));
      assertThat(e.metrics().get("reconstruction-error/mse")).isZero();
      assertThat(e.metrics().get("reconstruction-error/noisy-mse")).as(corruption).isCloseTo(0.0625, within(0.006));
    }
    ReconstructionErrorEvaluator same = new ReconstructionErrorEvaluator(new ReconstructionErrorParameters("gaussian", 0.2, 7L));
    assertThat(same.corrupt(test).pixels()).as("the noise seed fixes the corrupted images")
        .containsExactly(same.corrupt(test).pixels());
  }

  @Test
  void theElboIsReportedForAModelWithANegativeElboFunction() throws Exception {
    ImageSet test = new ImageSet(new float[] {0, 1, 1, 0, 1, 1, 0, 0}, new int[] {0, 0}, 1, 2, 2);
    Dataset data = new Dataset("t", test, test, List.of("0"), List.of());
    Evaluation e = new ReconstructionErrorEvaluator(new ReconstructionErrorParameters(null, null, null))
        .evaluate(EvaluationContexts.of(data, Map.of(Model.Functions.RECONSTRUCT, in -> Map.of("x", in.get("x")),
            Model.Functions.NEGATIVE_ELBO, in -> Map.of("score", new HostTensor(new float[] {3, 5}, new int[] {2}))), 0));
    assertThat(e.metrics().get("reconstruction-error/elbo")).isCloseTo(-4, within(1e-9));
  }
}
