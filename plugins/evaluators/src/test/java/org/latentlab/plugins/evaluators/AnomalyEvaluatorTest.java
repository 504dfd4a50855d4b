package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.junit.jupiter.api.Test;

class AnomalyEvaluatorTest {
  private static final int CLASSES = 4;

  /** Reconstructs every image perfectly except those of class {@code anomaly}, which come back black. */
  private static CompiledFunction perfectExcept(int anomaly) {
    return inputs -> {
      HostTensor x = inputs.get("x");
      float[] out = x.data().clone();
      for (int i = 0; i < x.shape()[0]; i++) {
        if (SyntheticData.classOf(out[i * 4], CLASSES) == anomaly) {
          java.util.Arrays.fill(out, i * 4, i * 4 + 4, 0f);
        }
      }
      return Map.of("x", new HostTensor(out, x.shape()));
    };
  }

  /** The training split without class {@code c}. */
  private static Dataset without(Dataset data, int c) {
    ImageSet train = data.train();
    int[] keep = java.util.stream.IntStream.range(0, train.size()).filter(i -> train.labels()[i] != c).toArray();
    return new Dataset(data.name(), train.subset(keep), data.test(), data.classNames(), List.of());
  }

  @Test
  void aModelThatReconstructsAllButTheAnomalyClassGivesAurocOne() throws Exception {
    Dataset data = without(SyntheticData.dataset(CLASSES, 200, 400), 2);
    Evaluation e = new AnomalyEvaluator(new AnomalyParameters(2, null, 5)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.RECONSTRUCT, perfectExcept(2)), 0));
    assertThat(e.metrics().get("anomaly/auroc")).isEqualTo(1.0);
    assertThat(e.tables()).hasSize(2);
    assertThat(e.tables().get(0).note()).contains("reconstruction MSE").doesNotContain("WARNING");
    assertThat(e.figures()).singleElement().satisfies(g -> {
      assertThat(g.images().shape()).containsExactly(20, 1, 2, 2);
      assertThat(g.columns()).isEqualTo(5);
    });
  }

  @Test
  void anAnomalyClassLeftInTheTrainingSplitIsFlagged() throws Exception {
    Dataset data = SyntheticData.dataset(CLASSES, 200, 400);
    Evaluation e = new AnomalyEvaluator(new AnomalyParameters(1, "reconstruction", null)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.RECONSTRUCT, perfectExcept(1)), 0));
    assertThat(e.tables().get(0).note()).contains("WARNING").contains("training.excludeClasses: [1]");
  }

  @Test
  void autoPrefersTheNegativeElbo() throws Exception {
    Dataset data = without(SyntheticData.dataset(CLASSES, 200, 400), 3);
    // the "negative ELBO" is pixel 0, highest for class 3; the reconstruction would rank the classes the other way
    CompiledFunction elbo = inputs -> {
      HostTensor x = inputs.get("x");
      float[] s = new float[x.shape()[0]];
      for (int i = 0; i < s.length; i++) {
        s[i] = x.data()[i * 4];
      }
      return Map.of("score", new HostTensor(s, new int[] {s.length}));
    };
    Evaluation e = new AnomalyEvaluator(new AnomalyParameters(3, null, null)).evaluate(EvaluationContexts.of(data,
        Map.of(Model.Functions.NEGATIVE_ELBO, elbo, Model.Functions.RECONSTRUCT, perfectExcept(0)), 0));
    assertThat(e.metrics().get("anomaly/auroc")).isEqualTo(1.0);
    assertThat(e.tables().get(0).note()).contains("negative ELBO");
  }

  @Test
  void askingForTheElboOfAModelWithoutOneFailsClearly() {
    Dataset data = SyntheticData.dataset(CLASSES, 50, 50);
    assertThatThrownBy(() -> new AnomalyEvaluator(new AnomalyParameters(0, "elbo", null)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.RECONSTRUCT, perfectExcept(0)), 0)))
        .hasMessageContaining("negative-elbo");
  }
}
