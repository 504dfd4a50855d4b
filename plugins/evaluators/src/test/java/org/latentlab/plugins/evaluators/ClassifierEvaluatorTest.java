package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;

class ClassifierEvaluatorTest {
  private static final Dataset DATA = QuadrantData.dataset(10, 200);

  @Test
  void aClassifierThatReadsTheBrightQuadrantIsRightAndOneThatSaysAlwaysAIsRightOnlyForA() {
    CompiledFunction brightest = in -> Map.of("logits", QuadrantData.ENCODE.apply(in).get("z"));
    Evaluation e = new ClassifierEvaluator(new ClassifierParameters())
        .evaluate(EvaluationContexts.of(DATA, Map.of(Model.Functions.CLASSIFY, brightest), 0));
    assertThat(e.metrics().get("classifier/accuracy")).isEqualTo(1.0);

    CompiledFunction alwaysA = in -> {
      int n = in.get("x").shape()[0];
      float[] logits = new float[n * 4];
      for (int i = 0; i < n; i++) {
        logits[i * 4] = 1;
      }
      return Map.of("logits", new HostTensor(logits, new int[] {n, 4}));
    };
    Evaluation a = new ClassifierEvaluator(new ClassifierParameters())
        .evaluate(EvaluationContexts.of(DATA, Map.of(Model.Functions.CLASSIFY, alwaysA), 0));
    long classA = java.util.Arrays.stream(DATA.test().labels()).filter(l -> l == 0).count();
    assertThat(a.metrics().get("classifier/accuracy")).isCloseTo((double) classA / 200, within(1e-12));
    assertThat(a.tables().get(0).rows().get(1).get(1)).as("true b predicted a")
        .isEqualTo(Long.toString(java.util.Arrays.stream(DATA.test().labels()).filter(l -> l == 1).count()));
  }

  @Test
  void aModelWithoutAClassifierIsRefusedClearly() {
    assertThatThrownBy(() -> new ClassifierEvaluator(new ClassifierParameters())
        .evaluate(EvaluationContexts.of(DATA, Map.of(), 0)))
        .hasMessageContaining("no 'classify' function");
  }
}
