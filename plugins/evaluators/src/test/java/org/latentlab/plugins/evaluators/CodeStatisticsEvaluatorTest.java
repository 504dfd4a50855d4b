package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;

class CodeStatisticsEvaluatorTest {
  @Test
  void meanActivationAndItsGapToTheTarget() {
    // unit 0 always 0.1, unit 1 always 0: mean activation 0.05, one activation in two inactive
    CompiledFunction encode = in -> {
      int n = in.get("x").shape()[0];
      float[] z = new float[2 * n];
      for (int i = 0; i < n; i++) {
        z[2 * i] = 0.1f;
      }
      return Map.of("z", new HostTensor(z, new int[] {n, 2}));
    };
    Evaluation e = new CodeStatisticsEvaluator(new CodeStatisticsParameters(0.05, null))
        .evaluate(EvaluationContexts.of(QuadrantData.dataset(10, 50), Map.of(Model.Functions.ENCODE, encode), 1));
    assertThat(e.metrics().get("code-statistics/mean-activation")).isCloseTo(0.05, within(1e-6));
    assertThat(e.metrics().get("code-statistics/target-gap")).isCloseTo(0, within(1e-6));
    assertThat(e.metrics().get("code-statistics/largest-unit-gap")).isCloseTo(0.05, within(1e-6));
    assertThat(e.metrics().get("code-statistics/inactive-fraction")).isCloseTo(0.5, within(1e-9));
    assertThat(e.tables().get(0).rows()).hasSize(2);
  }
}
