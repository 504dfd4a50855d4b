package org.latentlab.plugins.selfsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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

/** Rotation prediction builds its labels right and learns them at a tiny budget on both backends. */
class RotationTest {
  private static final ImageSet DATA = Shapes.tees(256, 3);

  private static Model model(ParameterStore store) {
    return new RotationProvider().create(new RotationParameters(List.of(8, 16), 5e-3),
        new ModelContext(Scope.root(store), Shapes.SHAPE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void theGraphsRotationIsTheReferenceAndRotatingBackByTheLabelRestoresTheImage(String backend) {
    HostTensor x = DATA.images(new int[] {0, 1});
    int plane = Shapes.SIDE * Shapes.SIDE;
    try (ComputeSession session = TestBackends.shared(backend).open(new ParameterStore(0), 0)) {
      for (int r = 1; r < 4; r++) {
        int turns = r;
        HostTensor rotated = session.compile((ops, in) -> Map.of("x", Rotations.rotate(ops, in.get("x"), turns)))
            .apply(Map.of("x", x)).get("x");
        for (int i = 0; i < 2; i++) {
          float[] image = java.util.Arrays.copyOfRange(x.data(), i * plane, (i + 1) * plane);
          float[] got = java.util.Arrays.copyOfRange(rotated.data(), i * plane, (i + 1) * plane);
          assertThat(got).as("rotation by %d quarter turns", r).containsExactly(Rotations.rotateHost(image, Shapes.SIDE, r));
          assertThat(Rotations.rotateHost(got, Shapes.SIDE, 4 - r)).as("rotated back by the label %d", r)
              .containsExactly(image);
        }
      }
    }
    float[] corner = new float[9];
    corner[2] = 1; // top right of a 3x3
    assertThat(Rotations.rotateHost(corner, 3, 1)[0]).as("a quarter turn is counter-clockwise: top right -> top left")
        .isEqualTo(1);
    assertThat(RotationPrediction.labels(2).data()).containsExactly(0, 0, 1, 1, 2, 2, 3, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void theRotationIsLearnedAtATinyBudget(String backend) {
    ParameterStore store = new ParameterStore(5);
    Model model = model(store);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 5)) {
      List<Map<String, Float>> losses = Shapes.train(session, model, DATA, 80, 32);
      assertThat(Shapes.mean(losses, "loss", 0, 5)).as("cross-entropy at the start, log 4 = 1.39").isGreaterThan(1.2);
      assertThat(Shapes.mean(losses, "accuracy", 70, 80)).as("training accuracy, last 10 steps (chance 0.25)")
          .isGreaterThan(0.7);
      HostTensor scores = session.compile(model.functions().get(Model.Functions.PRETEXT_SCORES))
          .apply(Map.of("x", Shapes.tees(64, 11).images(IntStream.range(0, 64).toArray()))).get("accuracy");
      double accuracy = 0;
      for (float v : scores.data()) {
        assertThat(v).isIn(0f, 0.25f, 0.5f, 0.75f, 1f);
        accuracy += v / scores.data().length;
      }
      assertThat(accuracy).as("pretext accuracy on new images").isGreaterThan(0.7);
      Map<String, HostTensor> encoded = session.compile(model.functions().get(Model.Functions.ENCODE))
          .apply(Map.of("x", DATA.images(new int[] {0, 1, 2})));
      assertThat(encoded.get("z").shape()).containsExactly(3, 16);
      assertThat(encoded.get(Model.blockOutput(1)).shape()).containsExactly(3, 8 * 8 * 8);
      assertThat(encoded.get(Model.blockOutput(2)).shape()).containsExactly(3, 16 * 4 * 4);
    }
  }

  @Test
  void nonSquareImagesAndBadParametersAreRefusedByName() {
    assertThatThrownBy(() -> new RotationProvider().create(new RotationParameters(null, null),
        new ModelContext(Scope.root(new ParameterStore(0)), new DataShape(1, 28, 20, 10))))
        .hasMessageContaining("rotation").hasMessageContaining("28x20");
    Problems problems = new Problems();
    new RotationParameters(List.of(), 0.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("channels", "learningRate");
  }
}
