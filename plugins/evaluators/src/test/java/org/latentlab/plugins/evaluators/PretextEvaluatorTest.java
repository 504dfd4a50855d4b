package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;

class PretextEvaluatorTest {

  @Test
  void eachPerImageScoreIsAveragedOverTheTestImages() throws Exception {
    Dataset data = SyntheticData.dataset(4, 100, 300);
    // accuracy: 1 for images of class 0 (a quarter of them), colour error: the first pixel's value.
    CompiledFunction scores = in -> {
      HostTensor x = in.get("x");
      int n = x.shape()[0];
      float[] accuracy = new float[n];
      float[] error = new float[n];
      for (int i = 0; i < n; i++) {
        float first = x.data()[i * x.rowSize()];
        accuracy[i] = SyntheticData.classOf(first, 4) == 0 ? 1 : 0;
        error[i] = first;
      }
      return Map.of("accuracy", new HostTensor(accuracy, new int[] {n}), "colour-error", new HostTensor(error, new int[] {n}));
    };
    Evaluation e = new PretextEvaluator().evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.PRETEXT_SCORES, scores), 1));
    double share = 0;
    double pixel = 0;
    for (int i = 0; i < data.test().size(); i++) {
      share += data.test().labels()[i] == 0 ? 1.0 / data.test().size() : 0;
      pixel += data.test().images(new int[] {i}).data()[0] / data.test().size();
    }
    assertThat(e.metrics().get("pretext/accuracy")).isCloseTo(share, org.assertj.core.data.Offset.offset(1e-9))
        .isBetween(0.1, 0.4);
    assertThat(e.metrics().get("pretext/colour-error")).isCloseTo(pixel, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(e.tables().get(0).rows()).extracting(r -> r.get(0)).containsExactly("accuracy", "colour-error");
  }

  @Test
  void aModelWithoutPretextScoresIsNamed() {
    Dataset data = SyntheticData.dataset(4, 100, 30);
    assertThatThrownBy(() -> new PretextEvaluator().evaluate(EvaluationContexts.of(data, Map.of(), 1)))
        .hasMessageContaining("pretext").hasMessageContaining("'pretext-scores'");
  }
}
