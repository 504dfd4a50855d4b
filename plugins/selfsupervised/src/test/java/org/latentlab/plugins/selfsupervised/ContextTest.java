package org.latentlab.plugins.selfsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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

/** Context prediction cuts the patches its labels name and learns the layout at a tiny budget on both backends. */
class ContextTest {
  private static final int SIDE = 28;
  private static final DataShape SHAPE = new DataShape(1, SIDE, SIDE, 2);

  private static Model model(ParameterStore store) {
    return new ContextProvider().create(new ContextParameters(List.of(8, 16), 32, 3e-3),
        new ModelContext(Scope.root(store), SHAPE));
  }

  @Test
  void thePositionLabelNamesTheCellTheNeighbourPatchWasCutFrom() {
    ContextPrediction model = (ContextPrediction) model(new ParameterStore(0));
    PatchGrid grid = model.grid();
    assertThat(List.of(grid.patch(), grid.gap(), grid.jitter())).as("8x8 patches, gaps of 2, jitter 1 on 28x28")
        .containsExactly(8, 2, 1);
    Map<String, HostTensor> batch = model.prepareBatch(ContextPrediction.STEP, Map.of("x", Shapes.positions(64, SIDE)),
        new SplittableRandom(5));
    int p = grid.patch();
    for (int i = 0; i < 64; i++) {
      int k = (int) batch.get("position").data()[i];
      float topLeft = batch.get("neighbour").data()[i * p * p] * SIDE * SIDE;
      int row = Math.round(topLeft) / SIDE;
      int column = Math.round(topLeft) % SIDE;
      assertThat(Math.abs(row - grid.offset(PatchGrid.row(k)))).as("image %d, neighbour %d: row", i, k).isLessThanOrEqualTo(1);
      assertThat(Math.abs(column - grid.offset(PatchGrid.column(k)))).as("image %d, neighbour %d: column", i, k)
          .isLessThanOrEqualTo(1);
      float centre = batch.get("centre").data()[i * p * p] * SIDE * SIDE;
      assertThat(Math.abs(Math.round(centre) / SIDE - grid.offset(1))).isLessThanOrEqualTo(1);
    }
    assertThat(PatchGrid.row(0) * 3 + PatchGrid.column(0)).isEqualTo(0);
    assertThat(PatchGrid.row(4) * 3 + PatchGrid.column(4)).as("4 is right of the centre").isEqualTo(5);
    assertThat(PatchGrid.row(7) * 3 + PatchGrid.column(7)).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void theLayoutIsLearnedAtATinyBudget(String backend) {
    ParameterStore store = new ParameterStore(3);
    Model model = model(store);
    ImageSet data = Shapes.ramps(256, SIDE, 1);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 3)) {
      List<Map<String, Float>> losses = Shapes.train(session, model, data, 150, 32);
      assertThat(Shapes.mean(losses, "loss", 0, 5)).as("cross-entropy at the start, log 8 = 2.08").isGreaterThan(1.8);
      assertThat(Shapes.mean(losses, "accuracy", 140, 150)).as("training accuracy, last 10 steps (chance 0.125)")
          .isGreaterThan(0.4);
      HostTensor scores = session.compile(model.functions().get(Model.Functions.PRETEXT_SCORES))
          .apply(Map.of("x", Shapes.ramps(32, SIDE, 9).images(java.util.stream.IntStream.range(0, 32).toArray()))).get("accuracy");
      double accuracy = 0;
      for (float v : scores.data()) {
        accuracy += v / scores.data().length;
      }
      assertThat(accuracy).as("pretext accuracy over the eight neighbours of new images").isGreaterThan(0.4);
    }
  }

  @Test
  void badShapesAndParametersAreRefusedByName() {
    assertThatThrownBy(() -> new ContextProvider().create(new ContextParameters(null, null, null),
        new ModelContext(Scope.root(new ParameterStore(0)), new DataShape(1, 28, 20, 10))))
        .hasMessageContaining("context-prediction").hasMessageContaining("28x20");
    assertThatThrownBy(() -> new PatchGrid(10, 4, 1, 0)).hasMessageContaining("does not fit 10-pixel images");
    Problems problems = new Problems();
    new ContextParameters(List.of(2000), 0, 2.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("channels", "hidden", "learningRate");
  }
}
