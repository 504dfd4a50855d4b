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
    return new ReconstructionErrorEvaluator(new ReconstructionErrorParameters()).evaluate(context);
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
}
