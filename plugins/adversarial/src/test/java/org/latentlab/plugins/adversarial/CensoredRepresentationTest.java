package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.BatchContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.SessionFunctions;
import org.latentlab.testkit.ModelTraining;
import org.latentlab.testkit.TestBackends;

/**
 * The censored representation learns the toy classes of coloured squares on both backends while its adversary
 * reads each image's background luminance, looked up by the batch's indices.
 */
class CensoredRepresentationTest {
  private static final ImageSet TRAIN = ToyData.images(256, 1, 3, true);

  private static Model model(ParameterStore store, CensoredRepresentationParameters p) {
    return new CensoredRepresentationProvider().create(p,
        new ModelContext(Scope.root(store), ToyData.shape(3), TRAIN, 9));
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void learnsTheClassesAgainstItsAdversary(String backend) {
    ParameterStore store = new ParameterStore(9);
    Model model = model(store, new CensoredRepresentationParameters(8, 16, 3e-3, null, null, 1.0, 16, 1, null));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 9)) {
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, TRAIN, 30, 32, 9);
      List<Map<String, Float>> main = losses.get(CensoredRepresentation.STEP);
      assertThat(losses.get(CensoredRepresentation.ADVERSARY_STEP)).hasSize(30);
      assertThat(main.get(0)).containsKeys("digit-cross-entropy", "digit-accuracy", "adversary-cross-entropy",
          "adversary-accuracy");
      assertThat(Trained.mean(main, "digit-cross-entropy", 5, true))
          .isLessThan(0.5 * Trained.mean(main, "digit-cross-entropy", 5, false));
      assertThat(Trained.accuracy(session, model, ToyData.images(64, 2, 3, true))).as("chance 0.25")
          .isGreaterThan(0.7);
    }
  }

  @Test
  void prepareBatchAddsEachImagesAttributeByIndex() {
    Model model = model(new ParameterStore(10), new CensoredRepresentationParameters(8, 16, null, null, null, null,
        16, 0, null));
    int[] expected = new SensitiveAttribute("background-luminance", 0.5).values(TRAIN);
    int[] idx = {5, 0, 17};
    Map<String, HostTensor> prepared = model.prepareBatch(CensoredRepresentation.STEP, ToyData.batch(TRAIN, 3),
        new BatchContext(new SplittableRandom(1), 1, 1, idx, new SessionFunctions(new NoSession())));
    HostTensor s = prepared.get(CensoredRepresentation.ATTRIBUTE);
    assertThat(s.shape()).containsExactly(3, 1);
    assertThat(s.data()).containsExactly(expected[5], expected[0], expected[17]);
    assertThat(model.program().steps()).hasSize(1);
  }

  @Test
  void dataWithoutTheAttributesFactorsIsRefusedNamingTheField() {
    ParameterStore store = new ParameterStore(11);
    ImageSet grey = ToyData.squares(8, 1);
    ImageSet plain = new ImageSet(grey.pixels(), grey.labels(), 1, ToyData.SIDE, ToyData.SIDE);
    assertThatThrownBy(() -> new CensoredRepresentationProvider().create(
        new CensoredRepresentationParameters(null, null, null, null, null, null, null, null, null),
        new ModelContext(Scope.root(store), ToyData.shape(1), plain, 1)))
        .hasMessageStartingWith("model.attribute: attribute 'background-luminance' needs the factors");
  }
}
