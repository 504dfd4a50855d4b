package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

/**
 * c1 accuracy and the matching on fake models with known answers, over the quadrant images: a model whose
 * c1 picks the bright quadrant through a permutation, one that ignores c1, and one with a c1 value too many.
 */
class InfoCodesEvaluatorTest {
  private static final Dataset DATA = QuadrantData.dataset(1200, 400);
  private static final int NOISE = 3;
  private static final int[] PERMUTATION = {2, 0, 3, 1};
  private static Backend backend;

  @TempDir Path cache;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  /**
   * A fake {@code generate-with-codes}: the quadrant {@code quadrant(row)} is bright ({@code 0.6 + 0.1 c2}),
   * the others dark (0.1); {@code row} gets the row index and reads the inputs as it likes.
   */
  private static CompiledFunction painting(java.util.function.BiFunction<Map<String, HostTensor>, Integer, Integer> quadrant) {
    return in -> {
      int n = in.get("z").shape()[0];
      float[] codes = new float[n * 4];
      for (int i = 0; i < n; i++) {
        int q = quadrant.apply(in, i);
        for (int c = 0; c < 4; c++) {
          codes[i * 4 + c] = c == q ? 0.6f + 0.1f * in.get("continuous").data()[i * 2] : 0.1f;
        }
      }
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(codes, new int[] {n, 4})));
    };
  }

  private static CompiledFunction byCategory(IntUnaryOperator quadrantOfCategory) {
    return painting((in, i) -> quadrantOfCategory.applyAsInt((int) in.get("category").data()[i]));
  }

  private Evaluation evaluate(CompiledFunction withCodes, int categories) {
    EvaluationContext context = EvaluationContexts.withNoiseSize(
        EvaluationContexts.of(DATA, Map.of(Model.Functions.GENERATE_WITH_CODES, withCodes), 5, backend, cache), NOISE);
    return new InfoCodesEvaluator(new InfoCodesParameters(categories, 2, 100, 6, 3, 5, 3)).evaluate(context);
  }

  private static int brightestQuadrant(HostTensor images, int i) {
    double[] sums = new double[4];
    int side = QuadrantData.SIDE;
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        sums[QuadrantData.quadrant(y, x)] += images.data()[i * side * side + y * side + x];
      }
    }
    int best = 0;
    for (int q = 1; q < 4; q++) {
      best = sums[q] > sums[best] ? q : best;
    }
    return best;
  }

  @Test
  void aCodeThatPicksTheClassThroughAPermutationScoresOneAndTheMatchingRecoversIt() {
    Evaluation e = evaluate(byCategory(k -> PERMUTATION[k]), 4);
    assertThat(e.metrics().get("info-codes/c1-accuracy")).isGreaterThan(0.97);
    assertThat(e.tables().get(0).rows()).extracting(r -> r.get(1)).containsExactly("c", "a", "d", "b");

    ImageGrid c1 = e.figures().get(0);
    assertThat(c1.name()).isEqualTo("c1-values");
    assertThat(c1.images().shape()).containsExactly(4 * 6, 1, 8, 8);
    assertThat(c1.columns()).isEqualTo(6);
    for (int i = 0; i < 4 * 6; i++) {
      assertThat(brightestQuadrant(c1.images(), i)).as("image %d of the c1 grid", i).isEqualTo(PERMUTATION[i / 6]);
    }
    assertThat(e.figures()).extracting(ImageGrid::name).containsExactly("c1-values", "c2-sweep", "c3-sweep");
    ImageGrid c2 = e.figures().get(1);
    assertThat(c2.images().shape()).containsExactly(3 * 5, 1, 8, 8);
    // c2 from -2 to 2 sets the bright quadrant from 0.4 to 0.8 in the fake: row 0 has c1 = 0, quadrant 2.
    float[] firstRow = c2.images().data();
    int bottomLeft = 6 * 8 + 1;
    for (int s = 0; s < 5; s++) {
      assertThat(firstRow[s * 64 + bottomLeft]).as("c2 step %d", s).isCloseTo(0.4f + 0.1f * s, within(1e-5f));
    }
    assertThat(e.figures().get(2).images().data()[bottomLeft]).as("c3 sweep leaves c2 at 0").isCloseTo(0.6f,
        within(1e-5f));
  }

  @Test
  void aCodeTheGeneratorIgnoresScoresAboutChance() {
    CompiledFunction noiseDecides = painting((in, i) -> {
      float[] z = in.get("z").data();
      return (z[i * NOISE] > 0 ? 1 : 0) + (z[i * NOISE + 1] > 0 ? 2 : 0);
    });
    assertThat(evaluate(noiseDecides, 4).metrics().get("info-codes/c1-accuracy")).isBetween(0.2, 0.4);
  }

  @Test
  void aCodeValueBeyondTheClassesMatchesNoneAndCountsAsWrong() {
    Evaluation e = evaluate(byCategory(k -> k % 4), 5);
    assertThat(e.metrics().get("info-codes/c1-accuracy")).as("4 of 5 values matched").isCloseTo(0.8, within(0.02));
    assertThat(e.tables().get(0).rows()).extracting(r -> r.get(1)).filteredOn("none"::equals).hasSize(1);
  }

  @Test
  void aModelWithoutCodesIsRefusedNamingTheFunction() {
    EvaluationContext context = EvaluationContexts.withNoiseSize(
        EvaluationContexts.of(DATA, Map.of(Model.Functions.GENERATE, QuadrantData.DECODE), 5, backend, cache), 4);
    assertThatThrownBy(() -> new InfoCodesEvaluator(new InfoCodesParameters(4, 2, 100, 6, 3, 5, 3)).evaluate(context))
        .hasMessageContaining("info-codes").hasMessageContaining("generate-with-codes");
  }

  @Test
  void matchingCountsAgreementUnderTheBestOneToOneMatch() {
    // value 0: labels 1,1,0; value 1: labels 1,1,1 -> best match 0->0 (1) + 1->1 (3) = 4 of 6.
    CategoryMatching m = CategoryMatching.of(new int[][] {{1, 1, 0}, {1, 1, 1}}, 2);
    assertThat(m.matched()).containsExactly(0, 1);
    assertThat(m.accuracy()).isCloseTo(4 / 6.0, within(1e-12));
    assertThat(m.majority(0)).isEqualTo(1);
  }

  @Test
  void parametersAreValidatedNamingTheField() {
    org.latentlab.api.spi.Problems problems = new org.latentlab.api.spi.Problems();
    new InfoCodesParameters(1, -1, 5, 0, 0, 1, 0).validate(problems);
    assertThat(problems.all()).extracting(org.latentlab.api.spi.Problems.Problem::field).containsExactly(
        "categories", "continuousCodes", "samplesPerCategory", "gridColumns", "sweepRows", "sweepSteps",
        "classifierEpochs");
  }
}
