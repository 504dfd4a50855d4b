package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Problems;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LabelEfficiencyEvaluatorTest {
  private static Backend backend;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  @Test
  void aClassCodeIsProbedWellFromFewLabelsBesideRawPixels() throws Exception {
    Dataset data = SyntheticData.dataset(4, 800, 300);
    LabelEfficiencyParameters p = new LabelEfficiencyParameters(List.of(0.02, 1.0), List.of(8), null, 5, 64, 0.05,
        null);
    Evaluation e = new LabelEfficiencyEvaluator(p).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(4, 1, 0.1f)), 5, backend));
    assertThat(e.metrics()).containsOnlyKeys("label-efficiency/2/accuracy", "label-efficiency/100/accuracy",
        "label-efficiency/8-labels/accuracy", "label-efficiency/raw-pixels/2/accuracy",
        "label-efficiency/raw-pixels/100/accuracy", "label-efficiency/raw-pixels/8-labels/accuracy");
    assertThat(e.metrics().get("label-efficiency/8-labels/accuracy")).as("two labels per class").isGreaterThan(0.9);
    assertThat(e.metrics().get("label-efficiency/2/accuracy")).isGreaterThan(0.95);
    assertThat(e.metrics().get("label-efficiency/100/accuracy")).isGreaterThan(0.95);
    assertThat(e.charts()).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(Chart.Kind.LINES);
      assertThat(c.series()).extracting(Chart.Series::name).containsExactly("latent", "raw-pixels");
      assertThat(c.series().get(0).x()).as("in order of size").containsExactly(8, 16, 800);
    });
  }

  @Test
  void subsetsAreClassBalancedNestedAndSeeded() {
    int[] labels = new int[1000];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % 10 < 7 ? 0 : 1 + i % 3; // class 0 is common
    }
    int[] small = LabelEfficiencyEvaluator.subset(labels, 4, 5, 1);
    int[] large = LabelEfficiencyEvaluator.subset(labels, 4, 25, 1);
    assertThat(small).hasSize(20);
    assertThat(Arrays.stream(small).map(i -> labels[i] == 0 ? 1 : 0).sum()).isEqualTo(5);
    assertThat(Arrays.stream(large).boxed().toList()).containsAll(Arrays.stream(small).boxed().toList());
    assertThat(LabelEfficiencyEvaluator.subset(labels, 4, 5, 1)).containsExactly(small);
    assertThat(LabelEfficiencyEvaluator.subset(labels, 4, Integer.MAX_VALUE, 1)).hasSize(1000);
  }

  @Test
  void invalidParametersAreNamed() {
    Problems problems = new Problems();
    new LabelEfficiencyParameters(List.of(0.0, 1.5), List.of(0), null, null, null, null, List.of("x")).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("fractions", "counts", "baselines");
  }
}
