package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Problems;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

class ActiveLearningEvaluatorTest {
  private static Backend backend;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  private static EvaluationContext context() {
    Dataset data = SyntheticData.dataset(4, 600, 300);
    return EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(4, 1, 0.5f)), 3, backend);
  }

  @Test
  void everyStrategyStartsFromTheSameLabelsAndLearnsAsLabelsAreAdded() throws Exception {
    ActiveLearningParameters p = new ActiveLearningParameters(2, 6, 3, List.of("random", "margin", "entropy", "k-center"),
        null, null, 100, null);
    Evaluation e = new ActiveLearningEvaluator(p).evaluate(context());
    List<List<String>> rows = e.tables().get(0).rows();
    assertThat(rows).extracting(r -> r.get(0)).containsExactly("2", "8", "14", "20");
    assertThat(rows.get(0).subList(2, 5)).as("the first round is the same for every strategy")
        .containsOnly(rows.get(0).get(1));
    for (String strategy : List.of("random", "margin", "entropy", "k-center")) {
      assertThat(e.metrics().get("active-learning/" + strategy + "/accuracy")).as(strategy + " with 20 labels")
          .isGreaterThan(Double.parseDouble(rows.get(0).get(1)) + 0.1).isGreaterThan(0.6);
    }
    assertThat(e.metrics()).containsKeys("active-learning/margin/gain-over-random", "active-learning/k-center/gain-over-random")
        .doesNotContainKey("active-learning/random/gain-over-random");
    assertThat(e.charts()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Chart.Kind.LINES);
      assertThat(c.series()).extracting(Chart.Series::name).containsExactly("random", "margin", "entropy", "k-center");
      assertThat(c.series().get(0).x()).containsExactly(2, 8, 14, 20);
    });
  }

  @Test
  void tooFewLabelledImagesOrAnUnknownBlockIsAClearError() {
    ActiveLearningParameters many = new ActiveLearningParameters(500, 100, 2, null, null, null, 10, null);
    assertThatThrownBy(() -> new ActiveLearningEvaluator(many).evaluate(context()))
        .hasMessageContaining("600 labelled training images").hasMessageContaining("700");
    ActiveLearningParameters block = new ActiveLearningParameters(2, 2, 1, null, "block-3", null, 10, null);
    assertThatThrownBy(() -> new ActiveLearningEvaluator(block).evaluate(context()))
        .hasMessageContaining("block-3").hasMessageContaining("[latent]");
  }

  @Test
  void invalidParametersAreNamed() {
    Problems problems = new Problems();
    new ActiveLearningParameters(0, 0, 0, List.of("greedy"), "block-0", -1.0, 0, 0.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("initial", "perRound", "rounds",
        "strategies", "representation", "l2", "steps", "learningRate");
  }
}
