package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.ModelTraining;
import org.latentlab.testkit.TestBackends;

/** SRGAN-style super-resolution: both loss forms learn on both backends; the downsampling and pixel shuffle are exact. */
class SrganTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 4);

  private static Model srgan(ParameterStore store, String loss, DataShape shape) {
    return new SrganProvider().create(new SrganParameters(2, 8, 1, loss, 0.05, 0.01, 2e-3, 0.5),
        new ModelContext(Scope.root(store), shape));
  }

  private static double mean(List<Map<String, Float>> losses, String term, int from, int to) {
    return losses.subList(from, to).stream().mapToDouble(l -> l.get(term)).average().orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void mseOnlyTrainsOneStepWhosePixelErrorFalls(String backend) {
    ParameterStore store = new ParameterStore(3);
    Model model = srgan(store, "mse", GanData.SHAPE);
    assertThat(model.program().steps()).extracting(s -> s.name()).containsExactly(AdversarialProgram.GENERATOR);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 3)) {
      List<Map<String, Float>> g = ModelTraining.train(session, model, DATA, 60, 32, 13).get(AdversarialProgram.GENERATOR);
      assertThat(mean(g, "pixel-mse", 50, 60)).as("pixel MSE late vs early").isLessThan(0.5 * mean(g, "pixel-mse", 0, 5));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void perceptualLossTrainsClassifierDiscriminatorAndGenerator(String backend) {
    ParameterStore store = new ParameterStore(5);
    Model model = srgan(store, "perceptual", GanData.SHAPE);
    assertThat(model.program().steps()).extracting(s -> s.name())
        .containsExactly(Srgan.CLASSIFIER, AdversarialProgram.DISCRIMINATOR, AdversarialProgram.GENERATOR);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 5)) {
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 60, 32, 13);
      List<Map<String, Float>> g = losses.get(AdversarialProgram.GENERATOR);
      List<Map<String, Float>> d = losses.get(AdversarialProgram.DISCRIMINATOR);
      List<Map<String, Float>> c = losses.get(Srgan.CLASSIFIER);
      assertThat(mean(g, "pixel-mse", 50, 60)).as("pixel MSE late vs early").isLessThan(0.5 * mean(g, "pixel-mse", 0, 5));
      assertThat(mean(d, "accuracy", 40, 60)).as("discriminator accuracy over the last 20 steps").isGreaterThan(0.6);
      assertThat(mean(c, "cross-entropy", 50, 60)).as("feature classifier's cross-entropy")
          .isLessThan(0.5 * mean(c, "cross-entropy", 0, 5));
      assertThat(g.get(59)).containsKeys("adversarial", "feature-mse", "d-fake");
    }
  }

  @Test
  void lowResolutionIsTheAverageOfEachBlockAndSuperResolveRestoresTheSize() {
    ParameterStore store = new ParameterStore(1);
    DataShape shape = new DataShape(1, 4, 4, 2);
    Model model = new SrganProvider().create(new SrganParameters(2, 4, 1, "mse", null, null, null, null),
        new ModelContext(Scope.root(store), shape));
    float[] image = {
        0, 1, 2, 3,
        4, 5, 6, 7,
        1, 1, 0, 0,
        1, 1, 0, 8};
    HostTensor x = new HostTensor(image, new int[] {1, 1, 4, 4});
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 1)) {
      HostTensor low = session.compile(model.functions().get(Model.Functions.LOW_RESOLUTION)).apply(Map.of("x", x))
          .get("x");
      assertThat(low.shape()).containsExactly(1, 1, 2, 2);
      assertThat(low.data()).containsExactly(2.5f, 4.5f, 1f, 2f);
      HostTensor sr = session.compile(model.functions().get(Model.Functions.SUPER_RESOLVE)).apply(Map.of("x", x))
          .get("x");
      assertThat(sr.shape()).containsExactly(1, 1, 4, 4);
      for (float v : sr.data()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void factorFourAveragesFourByFourBlocks() {
    ParameterStore store = new ParameterStore(1);
    Model model = new SrganProvider().create(new SrganParameters(4, 4, 1, "mse", null, null, null, null),
        new ModelContext(Scope.root(store), GanData.SHAPE));
    HostTensor x = DATA.images(new int[] {0, 1});
    float[] expected = new float[2 * 16];
    for (int i = 0; i < 2; i++) {
      for (int y = 0; y < GanData.SIDE; y++) {
        for (int c = 0; c < GanData.SIDE; c++) {
          expected[i * 16 + (y / 4) * 4 + c / 4] += x.data()[i * 256 + y * 16 + c] / 16f;
        }
      }
    }
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 1)) {
      HostTensor low = session.compile(model.functions().get(Model.Functions.LOW_RESOLUTION)).apply(Map.of("x", x))
          .get("x");
      assertThat(low.shape()).containsExactly(2, 1, 4, 4);
      for (int i = 0; i < expected.length; i++) {
        assertThat(low.data()[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-5f));
      }
      HostTensor sr = session.compile(model.functions().get(Model.Functions.SUPER_RESOLVE)).apply(Map.of("x", x))
          .get("x");
      assertThat(sr.shape()).containsExactly(2, 1, 16, 16);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void pixelShuffleInterleavesFourMapsIntoTwoByTwoBlocks(String backend) {
    float[] maps = new float[2 * 4 * 1 * 2];
    for (int i = 0; i < maps.length; i++) {
      maps[i] = i;
    }
    // two output maps of 1x2 input pixels: map k, sub-pixel (a, b), column j holds 8k + 2(2a + b) + j
    try (ComputeSession session = TestBackends.shared(backend).open(new ParameterStore(1), 1)) {
      HostTensor out = session.compile((ops, in) -> Map.of("x", SrResNet.pixelShuffle(ops, in.get("x"), 2)))
          .apply(Map.of("x", new HostTensor(maps, new int[] {1, 8, 1, 2}))).get("x");
      assertThat(out.shape()).containsExactly(1, 2, 2, 4);
      assertThat(out.data()).containsExactly(
          0, 2, 1, 3,
          4, 6, 5, 7,
          8, 10, 9, 11,
          12, 14, 13, 15);
    }
  }

  @Test
  void shapesTheModelCannotServeAreRefusedNamingTheFix() {
    ParameterStore store = new ParameterStore(1);
    assertThatThrownBy(() -> srgan(store, "mse", new DataShape(1, 9, 9, 2)))
        .hasMessageContaining("srgan").hasMessageContaining("factor 2").hasMessageContaining("9x9");
    assertThatThrownBy(() -> srgan(new ParameterStore(1), "perceptual", new DataShape(1, 16, 16, 0)))
        .hasMessageContaining("labelled data").hasMessageContaining("featureWeight: 0");
    assertThatThrownBy(() -> srgan(new ParameterStore(1), "perceptual", new DataShape(1, 16, 8, 4)))
        .hasMessageContaining("square").hasMessageContaining("16x8");
    Model unlabelled = new SrganProvider().create(new SrganParameters(2, 4, 1, "perceptual", 0.01, 0.0, null, null),
        new ModelContext(Scope.root(new ParameterStore(1)), new DataShape(1, 16, 16, 0)));
    assertThat(unlabelled.program().steps()).extracting(s -> s.name())
        .containsExactly(AdversarialProgram.DISCRIMINATOR, AdversarialProgram.GENERATOR);
  }
}
