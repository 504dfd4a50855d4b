package org.latentlab.plugins.selfsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/** The jigsaw puzzle shuffles tiles as its labels say, and learns to solve it at a tiny budget on both backends. */
class JigsawTest {
  private static final int SIDE = 28;
  private static final DataShape SHAPE = new DataShape(1, SIDE, SIDE, 2);

  private static Model model(ParameterStore store, int permutations) {
    return new JigsawProvider().create(new JigsawParameters(List.of(8, 16), permutations, 64, 3e-3),
        new ModelContext(Scope.root(store), SHAPE));
  }

  @Test
  void puttingEachTileBackWhereItsLabelSaysRestoresTheGrid() {
    JigsawPuzzle model = (JigsawPuzzle) model(new ParameterStore(0), 24);
    PatchGrid grid = model.grid();
    int p = grid.patch();
    Map<String, HostTensor> batch = model.prepareBatch(JigsawPuzzle.STEP, Map.of("x", Shapes.positions(32, SIDE)),
        new SplittableRandom(8));
    assertThat(batch.get("tiles").shape()).containsExactly(32 * 9, 1, p, p);
    Set<Integer> labels = new HashSet<>();
    for (int i = 0; i < 32; i++) {
      int k = (int) batch.get("permutation").data()[i];
      labels.add(k);
      int[] order = model.permutation(k);
      for (int slot = 0; slot < 9; slot++) {
        float topLeft = batch.get("tiles").data()[(i * 9 + slot) * p * p] * SIDE * SIDE;
        int row = Math.round(topLeft) / SIDE;
        int column = Math.round(topLeft) % SIDE;
        assertThat(Math.abs(row - grid.offset(order[slot] / 3))).as("image %d, slot %d: row", i, slot)
            .isLessThanOrEqualTo(grid.jitter());
        assertThat(Math.abs(column - grid.offset(order[slot] % 3))).as("image %d, slot %d: column", i, slot)
            .isLessThanOrEqualTo(grid.jitter());
      }
    }
    assertThat(labels).as("permutations drawn for 32 images out of 24").hasSizeGreaterThan(12);
  }

  @Test
  void thePermutationsAreDistinctOrdersFarApartAndFixed() {
    int[][] set = JigsawPermutations.maximalHamming(100);
    assertThat(set).hasNumberOfRows(100);
    assertThat(set[0]).as("the identity first").containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
    int nearest = 9;
    for (int a = 0; a < set.length; a++) {
      assertThat(Arrays.stream(set[a]).sorted().toArray()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
      for (int b = a + 1; b < set.length; b++) {
        nearest = Math.min(nearest, JigsawPermutations.distance(set[a], set[b]));
      }
    }
    assertThat(nearest).as("smallest Hamming distance between two of the 100").isEqualTo(6);
    assertThat(JigsawPermutations.maximalHamming(100)).isDeepEqualTo(set);
    assertThat(JigsawPermutations.maximalHamming(10)).isDeepEqualTo(Arrays.copyOf(set, 10));
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void thePuzzleIsSolvedAtATinyBudget(String backend) {
    ParameterStore store = new ParameterStore(4);
    Model model = model(store, 8);
    ImageSet data = Shapes.ramps(256, SIDE, 2);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 4)) {
      List<Map<String, Float>> losses = Shapes.train(session, model, data, 120, 32);
      assertThat(Shapes.mean(losses, "loss", 0, 5)).as("cross-entropy at the start, log 8 = 2.08").isGreaterThan(1.8);
      assertThat(Shapes.mean(losses, "accuracy", 110, 120)).as("training accuracy, last 10 steps (chance 0.125)")
          .isGreaterThan(0.5);
      HostTensor scores = session.compile(model.functions().get(Model.Functions.PRETEXT_SCORES))
          .apply(Map.of("x", Shapes.ramps(32, SIDE, 9).images(IntStream.range(0, 32).toArray()))).get("accuracy");
      assertThat(scores.shape()).containsExactly(32);
      assertThat(Arrays.stream(toDoubles(scores.data())).average().orElseThrow())
          .as("pretext accuracy over the eight permutations of new images").isGreaterThan(0.5);
      HostTensor z = session.compile(model.functions().get(Model.Functions.ENCODE))
          .apply(Map.of("x", data.images(new int[] {0, 1, 2}))).get("z");
      assertThat(z.shape()).as("encode runs the tile encoder on whole images").containsExactly(3, 16);
    }
  }

  @Test
  void badShapesAndParametersAreRefusedByName() {
    assertThatThrownBy(() -> new JigsawProvider().create(new JigsawParameters(null, null, null, null),
        new ModelContext(Scope.root(new ParameterStore(0)), new DataShape(1, 28, 20, 10))))
        .hasMessageContaining("jigsaw").hasMessageContaining("28x20");
    assertThatThrownBy(() -> new JigsawProvider().create(new JigsawParameters(List.of(4, 4, 4, 4), null, null, null),
        new ModelContext(Scope.root(new ParameterStore(0)), SHAPE)))
        .hasMessageContaining("8-pixel tiles are too small for 4 encoder blocks");
    assertThat(new JigsawParameters(null, null, null, null)).isEqualTo(new JigsawParameters(List.of(32, 64, 128), 100,
        512, 1e-3));
    Problems problems = new Problems();
    new JigsawParameters(List.of(), 1, 0, 0.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field)
        .containsExactly("channels", "permutations", "hidden", "learningRate");
    assertThat(problems.all().get(1).message()).isEqualTo("permutations must be in [2, 1000] (was 1)");
  }

  private static double[] toDoubles(float[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }
}
