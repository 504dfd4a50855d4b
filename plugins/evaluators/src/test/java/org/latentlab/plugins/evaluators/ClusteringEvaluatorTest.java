package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Problems;
import org.latentlab.testkit.EvaluationContexts;
import org.junit.jupiter.api.Test;

class ClusteringEvaluatorTest {

  @Test
  void wellSeparatedCodesClusterIntoTheClasses() throws Exception {
    Dataset data = SyntheticData.dataset(5, 10, 1000);
    Evaluation e = new ClusteringEvaluator(new ClusteringParameters(null, null, null, null, null)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(5, 10, 0.5f)), 11));
    assertThat(e.metrics().get("clustering/nmi")).isGreaterThan(0.9);
    assertThat(e.metrics().get("clustering/ari")).isGreaterThan(0.9);
    assertThat(e.metrics().get("clustering/raw-pixels/nmi")).isBetween(0.0, 1.0);
    assertThat(e.tables()).singleElement().satisfies(t -> {
      assertThat(t.rows()).extracting(r -> r.get(2)).containsOnly("5");
      assertThat(t.note()).contains("arithmetic mean").contains("1000 test images");
    });
  }

  @Test
  void codesUnrelatedToTheLabelsScoreNearZero() throws Exception {
    Dataset data = SyntheticData.dataset(5, 10, 1000);
    Evaluation e = new ClusteringEvaluator(new ClusteringParameters(null, 2, 50, true, List.of())).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(5, 0, 1)), 11));
    assertThat(e.metrics().get("clustering/nmi")).isLessThan(0.05);
    assertThat(e.metrics().get("clustering/ari")).isLessThan(0.05);
  }

  @Test
  void invalidParametersAreNamed() {
    Problems problems = new Problems();
    new ClusteringParameters(1, 0, null, null, null).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("k", "restarts");
  }
}
