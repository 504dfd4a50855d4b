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

class KnnProbeEvaluatorTest {

  @Test
  void aCodeEqualToTheClassGivesAccuracyOneBesideTheRawPixels() throws Exception {
    Dataset data = SyntheticData.dataset(4, 800, 300);
    Evaluation e = new KnnProbeEvaluator(new KnnProbeParameters(null, null, null, null)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(4, 1, 0)), 3));
    assertThat(e.metrics().get("knn-probe/accuracy")).isEqualTo(1.0);
    assertThat(e.metrics().get("knn-probe/raw-pixels/accuracy")).isBetween(0.25, 1.0);
    assertThat(e.metrics()).doesNotContainKey("knn-probe/random-encoder/accuracy");
    assertThat(e.tables()).singleElement().satisfies(t -> {
      assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("latent", "raw-pixels");
      assertThat(t.note()).contains("k = 20").contains("800 training images").contains("300 test images");
    });
  }

  @Test
  void anUnweightedVoteOnAUselessCodeStaysNearChance() throws Exception {
    Dataset data = SyntheticData.dataset(4, 800, 400);
    Evaluation e = new KnnProbeEvaluator(new KnnProbeParameters(10, 0.0, true, List.of())).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(4, 0, 1)), 3));
    assertThat(e.metrics().get("knn-probe/accuracy")).isLessThan(0.4);
    assertThat(e.metrics()).containsOnlyKeys("knn-probe/accuracy");
  }

  @Test
  void invalidParametersAreNamed() {
    Problems problems = new Problems();
    new KnnProbeParameters(0, -1.0, null, List.of("pixels")).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("k", "temperature", "baselines");
  }
}
