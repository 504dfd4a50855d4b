package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
 * The standard, FGSM-trained and PGD-trained classifiers learn the toy classes at a tiny budget on both
 * backends, the adversarial ones on examples made against the current weights in {@code prepareBatch}.
 */
class RobustClassifierTest {
  private static final ImageSet TRAIN = ToyData.squares(256, 1);
  private static final ImageSet TEST = ToyData.squares(128, 2);

  private static ModelContext context(ParameterStore store) {
    return new ModelContext(Scope.root(store), ToyData.shape(1), TRAIN, 3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void standardClassifierLearnsTheClasses(String backend) {
    ParameterStore store = new ParameterStore(3);
    Model model = new CnnClassifierProvider().create(new ClassifierParameters(8, 16, 3e-3), context(store));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 3)) {
      List<Map<String, Float>> losses = ModelTraining.train(session, model, TRAIN, 40, 32, 3)
          .get(RobustClassifier.STEP);
      assertThat(Trained.mean(losses, "loss", 5, true)).isLessThan(0.5 * Trained.mean(losses, "loss", 5, false));
      assertThat(Trained.accuracy(session, model, TEST)).as("test accuracy, chance 0.25").isGreaterThan(0.9);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void pgdTrainingMakesExamplesInTheBallAndLearnsOnThem(String backend) {
    ParameterStore store = new ParameterStore(4);
    PgdTrainingParameters p = new PgdTrainingParameters(8, 16, 3e-3, 0.1, 3, 2.5, true, 0.0);
    Model model = new PgdTrainingProvider().create(p, context(store));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 4)) {
      Map<String, HostTensor> batch = ToyData.batch(TRAIN, 16);
      Map<String, HostTensor> prepared = model.prepareBatch(RobustClassifier.STEP, batch,
          new BatchContext(new SplittableRandom(1), 1, 10, new int[16], new SessionFunctions(session)));
      float[] x = batch.get("x").data();
      float[] adv = prepared.get(RobustClassifier.ADVERSARIAL_INPUT).data();
      double largest = 0;
      for (int i = 0; i < x.length; i++) {
        largest = Math.max(largest, Math.abs(adv[i] - x[i]));
        assertThat(adv[i]).isBetween(0f, 1f);
      }
      assertThat(largest).isBetween(0.05, 0.1 + 1e-6);

      List<Map<String, Float>> losses = ModelTraining.train(session, model, TRAIN, 40, 32, 4).get(RobustClassifier.STEP);
      assertThat(losses.get(0)).containsOnlyKeys("loss", "adversarial-cross-entropy", "adversarial-accuracy");
      assertThat(Trained.mean(losses, "adversarial-accuracy", 5, true)).as("accuracy on PGD examples, chance 0.25")
          .isGreaterThan(0.8);
      assertThat(Trained.accuracy(session, model, TEST)).isGreaterThan(0.9);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void fgsmTrainingMixesCleanAndAdversarialLosses(String backend) {
    ParameterStore store = new ParameterStore(5);
    Model model = new FgsmTrainingProvider().create(new FgsmTrainingParameters(8, 16, 3e-3, 0.1, 0.5), context(store));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 5)) {
      List<Map<String, Float>> losses = ModelTraining.train(session, model, TRAIN, 40, 32, 5).get(RobustClassifier.STEP);
      Map<String, Float> first = losses.get(0);
      assertThat(first.get("loss")).isCloseTo(0.5f * (first.get("clean-cross-entropy")
          + first.get("adversarial-cross-entropy")), within(1e-4f));
      assertThat(Trained.mean(losses, "loss", 5, true)).isLessThan(0.5 * Trained.mean(losses, "loss", 5, false));
      assertThat(Trained.accuracy(session, model, TEST)).isGreaterThan(0.9);
    }
  }

  @Test
  void adversarialTrainingRefusesABatchWithoutTheRunsContext() {
    ParameterStore store = new ParameterStore(6);
    Model model = new FgsmTrainingProvider().create(new FgsmTrainingParameters(8, 16, null, null, null), context(store));
    assertThatThrownBy(() -> model.prepareBatch(RobustClassifier.STEP, ToyData.batch(TRAIN, 4), new SplittableRandom(1)))
        .hasMessageContaining("call prepareBatch with a BatchContext");
  }
}
