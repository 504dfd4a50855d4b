package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
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
 * DANN on a toy domain pair (labelled white-on-black squares, unlabelled coloured ones): the label loss falls on
 * the source images, the domain classifier is trained in its own steps and the reversal coefficient follows the
 * schedule, on both backends.
 */
class DannTest {
  private static final ImageSet SOURCE = ToyData.images(128, 1, 3, false);
  private static final ImageSet TARGET = ToyData.images(128, 2, 3, true);
  private static final ImageSet TRAIN = join(SOURCE, TARGET);

  /** The source images with their labels, then the target images with label -1. */
  private static ImageSet join(ImageSet source, ImageSet target) {
    float[] pixels = Arrays.copyOf(source.pixels(), source.pixels().length + target.pixels().length);
    System.arraycopy(target.pixels(), 0, pixels, source.pixels().length, target.pixels().length);
    int[] labels = Arrays.copyOf(source.labels(), source.size() + target.size());
    Arrays.fill(labels, source.size(), labels.length, -1);
    return new ImageSet(pixels, labels, 3, ToyData.SIDE, ToyData.SIDE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void learnsTheSourceLabelsWhileTheDomainClassifierTrainsInItsOwnSteps(String backend) {
    ParameterStore store = new ParameterStore(7);
    Model model = new DannProvider().create(new DannParameters(8, 16, 3e-3, 1.0, null, 16, 1),
        new ModelContext(Scope.root(store), ToyData.shape(3), TRAIN, 7));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 7)) {
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, TRAIN, 30, 32, 7);
      List<Map<String, Float>> main = losses.get(Dann.STEP);
      assertThat(losses.get(Dann.DOMAIN_STEP)).hasSize(30).allSatisfy(l -> assertThat(l).containsKey("domain-accuracy"));
      assertThat(main.get(0)).containsKeys("label-cross-entropy", "domain-cross-entropy", "domain-accuracy", "lambda");
      assertThat(Trained.mean(main, "label-cross-entropy", 5, true))
          .isLessThan(0.5 * Trained.mean(main, "label-cross-entropy", 5, false));
      assertThat(main.get(0).get("lambda")).isLessThan(main.get(main.size() - 1).get("lambda"));
      assertThat(Trained.accuracy(session, model, ToyData.images(64, 3, 3, false))).as("source accuracy, chance 0.25")
          .isGreaterThan(0.85);
    }
  }

  @Test
  void prepareBatchAddsTheScheduledCoefficient() {
    ParameterStore store = new ParameterStore(8);
    DannParameters p = new DannParameters(8, 16, null, 0.5, "ganin", 16, 0);
    Model model = new DannProvider().create(p, new ModelContext(Scope.root(store), ToyData.shape(3)));
    Map<String, HostTensor> batch = Map.of("x", HostTensor.zeros(2, 3, 16, 16), "y", HostTensor.zeros(2));
    Map<String, HostTensor> prepared = model.prepareBatch(Dann.STEP, batch,
        new BatchContext(new SplittableRandom(1), 25, 100, new int[2], new SessionFunctions(new NoSession())));
    assertThat(prepared.get(Dann.LAMBDA).item()).isCloseTo((float) (0.5 * (2 / (1 + Math.exp(-2.5)) - 1)),
        within(1e-6f));
    assertThat(model.program().steps()).hasSize(1);
    assertThatThrownBy(() -> model.prepareBatch(Dann.STEP, batch, new SplittableRandom(1)))
        .hasMessageContaining("BatchContext");
  }
}
