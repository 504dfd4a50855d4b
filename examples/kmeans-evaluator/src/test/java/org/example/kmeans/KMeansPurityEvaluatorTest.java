package org.example.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

/**
 * The evaluator on a real backend: the "encoder" is the identity on flattened images, compiled by
 * the DJL backend like a model's function, the two classes are easily separable images, and the
 * testkit's {@link EvaluationContexts} stands in for a run.
 */
class KMeansPurityEvaluatorTest {
  private static final int SIDE = 8;
  private static Backend backend;
  private static ComputeSession session;
  private static CompiledFunction flatten;

  @BeforeAll
  static void compileTheIdentityEncoder() {
    backend = TestBackends.create("djl");
    session = backend.open(new ParameterStore(0), 0);
    flatten = session.compile((ops, inputs) -> Map.of("z", ops.shape().flatten(inputs.get("x"))));
  }

  @AfterAll
  static void close() {
    session.close();
    backend.close();
  }

  /** Noisy images whose class is the brighter half: 0 left, 1 right. */
  private static ImageSet halves(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(2);
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          boolean bright = (x < SIDE / 2) == (labels[i] == 0);
          double v = (bright ? 0.8 : 0.2) + 0.15 * r.nextGaussian();
          pixels[i * SIDE * SIDE + y * SIDE + x] = (float) Math.min(1, Math.max(0, v));
        }
      }
    }
    return new ImageSet(pixels, labels, 1, SIDE, SIDE);
  }

  private static final Dataset HALVES = new Dataset("halves", halves(400, 1), halves(200, 2), List.of("left", "right"), List.of());

  private static EvaluationContext context(Map<String, CompiledFunction> functions) {
    return EvaluationContexts.of(HALVES, functions, 42, backend);
  }

  private static Evaluation evaluate(KMeansPurityParameters parameters) throws Exception {
    return new KMeansPurityProvider().create(parameters).evaluate(context(Map.of(Model.Functions.ENCODE, flatten)));
  }

  @Test
  void separableClassesGiveHighPurityAndNmi() throws Exception {
    Evaluation e = evaluate(new KMeansPurityParameters(null, null, null, 64));
    assertThat(e.metrics()).containsOnlyKeys("kmeans-purity/purity", "kmeans-purity/nmi");
    assertThat(e.metrics().get("kmeans-purity/purity")).isGreaterThan(0.9);
    assertThat(e.metrics().get("kmeans-purity/nmi")).isGreaterThan(0.6);
  }

  @Test
  void theTableListsEveryClusterWithItsSizesAndMajorityLabel() throws Exception {
    Evaluation e = evaluate(new KMeansPurityParameters(3, null, null, null));
    assertThat(e.tables()).singleElement().satisfies(t -> {
      assertThat(t.columns()).containsExactly("cluster", "train images", "test images", "majority label",
          "majority share (train)");
      assertThat(t.rows()).hasSize(3);
      assertThat(t.rows().stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum()).isEqualTo(400);
      assertThat(t.rows().stream().mapToInt(r -> Integer.parseInt(r.get(2))).sum()).isEqualTo(200);
      assertThat(t.rows()).extracting(r -> r.get(3)).containsOnly("left", "right").contains("left", "right");
      assertThat(t.note()).contains("k=3").contains("64-d codes").contains("400 training images");
    });
  }

  @Test
  void theSameSeedGivesTheSameMetrics() throws Exception {
    assertThat(evaluate(new KMeansPurityParameters()).metrics()).isEqualTo(evaluate(new KMeansPurityParameters()).metrics());
  }

  @Test
  void aModelWithoutAnEncoderIsRefusedNamingTheFunction() {
    assertThatThrownBy(() -> new KMeansPurityEvaluator(new KMeansPurityParameters()).evaluate(context(Map.of())))
        .hasMessage("kmeans-purity: the model offers no 'encode' function to cluster");
  }

  @Test
  void moreClustersThanTrainingImagesIsRefused() {
    assertThatThrownBy(() -> evaluate(new KMeansPurityParameters(401, null, null, null)))
        .hasMessage("kmeans-purity: k (401) exceeds the 400 training images; set a smaller k");
  }
}
