package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.junit.jupiter.api.Test;

class KnnProbeEvaluatorTest {

  @Test
  void aCodeEqualToTheClassGivesAccuracyOneBesideTheRawPixels() throws Exception {
    Dataset data = SyntheticData.dataset(4, 800, 300);
    Evaluation e = new KnnProbeEvaluator(new KnnProbeParameters(null, null, null, null, null)).evaluate(
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
    Evaluation e = new KnnProbeEvaluator(new KnnProbeParameters(10, 0.0, true, List.of(), null)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, SyntheticData.classEncoder(4, 0, 1)), 3));
    assertThat(e.metrics().get("knn-probe/accuracy")).isLessThan(0.4);
    assertThat(e.metrics()).containsOnlyKeys("knn-probe/accuracy");
  }

  @Test
  void everyBlockTheEncoderOffersIsProbedAndTheBestNamed() throws Exception {
    Dataset data = SyntheticData.dataset(4, 800, 300);
    CompiledFunction useless = SyntheticData.classEncoder(4, 0, 1);
    CompiledFunction informative = SyntheticData.classEncoder(4, 1, 0);
    CompiledFunction blocks = in -> Map.of("z", useless.apply(in).get("z"), Model.blockOutput(1),
        useless.apply(in).get("z"), Model.blockOutput(2), informative.apply(in).get("z"));
    Evaluation e = new KnnProbeEvaluator(new KnnProbeParameters(null, null, null, List.of(), null)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, blocks), 3));
    assertThat(e.metrics().get("knn-probe/block-2/accuracy")).isEqualTo(1.0);
    assertThat(e.metrics().get("knn-probe/block-1/accuracy")).isLessThan(0.5);
    assertThat(e.metrics()).containsEntry("knn-probe/best-block", 2.0).containsEntry("knn-probe/best-block/accuracy", 1.0);
    assertThat(e.tables().get(0).rows()).extracting(r -> r.get(0)).containsExactly("latent", "block-1", "block-2");
    Evaluation without = new KnnProbeEvaluator(new KnnProbeParameters(null, null, null, List.of(), false)).evaluate(
        EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, blocks), 3));
    assertThat(without.metrics()).containsOnlyKeys("knn-probe/accuracy");
  }

  @Test
  void invalidParametersAreNamed() {
    Problems problems = new Problems();
    new KnnProbeParameters(0, -1.0, null, List.of("pixels"), null).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("k", "temperature", "baselines");
  }
}
