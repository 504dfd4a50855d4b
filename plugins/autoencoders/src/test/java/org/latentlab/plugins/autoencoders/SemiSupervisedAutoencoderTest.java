package org.latentlab.plugins.autoencoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

class SemiSupervisedAutoencoderTest {
  private static final int SIDE = 16;
  private static final DataShape SHAPE = new DataShape(1, SIDE, SIDE, 4);
  private static final ImageSet TRAIN = FamilyData.quadrants(400, SIDE, 21);
  private static final ImageSet TEST = FamilyData.quadrants(200, SIDE, 22);
  private static Backend djl;
  private static Backend tensorflow;

  @BeforeAll
  static void load() {
    djl = TestBackends.create("djl");
    tensorflow = TestBackends.create("tensorflow");
  }

  @AfterAll
  static void close() {
    djl.close();
    tensorflow.close();
  }

  private static SemiSupervisedAutoencoder build(ParameterStore store, SemiSupervisedParameters p, long seed) {
    return (SemiSupervisedAutoencoder) new SemiSupervisedAutoencoderProvider().create(
        p, new ModelContext(Scope.root(store), SHAPE, TRAIN, seed));
  }

  private static SemiSupervisedParameters small(int labels, Double reconstructionWeight) {
    return new SemiSupervisedParameters("mlp", 16, null, 64, "bce", labels, null, null, reconstructionWeight, 3e-3);
  }

  @Test
  void theLabelledSubsetIsClassBalancedAndFixedBySeed() {
    ImageSet subset = build(new ParameterStore(1), small(22, null), 42).labelledSubset();
    assertThat(subset.size()).isEqualTo(22);
    int[] perClass = new int[4];
    for (int label : subset.labels()) {
      perClass[label]++;
    }
    assertThat(perClass).containsExactly(6, 6, 5, 5);
    ImageSet again = build(new ParameterStore(1), small(22, null), 42).labelledSubset();
    assertThat(again.pixels()).containsExactly(subset.pixels());
    ImageSet otherSeed = build(new ParameterStore(1), small(22, null), 43).labelledSubset();
    assertThat(otherSeed.pixels()).isNotEqualTo(subset.pixels());
  }

  @Test
  void prepareBatchAddsLabelledImagesDeterministically() {
    SemiSupervisedAutoencoder model = build(new ParameterStore(1), small(20, null), 42);
    HostTensor x = FamilyData.batch(new HostTensor(TRAIN.pixels(), new int[] {400, 1, SIDE, SIDE}), 0, 8);
    Map<String, HostTensor> a = model.prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of("x", x), new SplittableRandom(7));
    Map<String, HostTensor> b = model.prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of("x", x), new SplittableRandom(7));
    Map<String, HostTensor> c = model.prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of("x", x), new SplittableRandom(8));
    assertThat(a.get("x")).isSameAs(x);
    assertThat(a.get("xl").shape()).containsExactly(20, 1, SIDE, SIDE); // labelledBatch = min(labels, 64)
    assertThat(a.get("yl").shape()).containsExactly(20);
    assertThat(a.get("xl")).isEqualTo(b.get("xl"));
    assertThat(a.get("yl")).isEqualTo(b.get("yl"));
    assertThat(a.get("xl")).isNotEqualTo(c.get("xl"));
    for (float label : a.get("yl").data()) {
      assertThat(label).isIn(0f, 1f, 2f, 3f);
    }
    // Each drawn image carries its own label: find it in the subset.
    ImageSet subset = model.labelledSubset();
    int per = SIDE * SIDE;
    for (int i = 0; i < 20; i++) {
      boolean found = false;
      for (int j = 0; j < subset.size() && !found; j++) {
        found = java.util.Arrays.equals(
            java.util.Arrays.copyOfRange(a.get("xl").data(), i * per, (i + 1) * per),
            java.util.Arrays.copyOfRange(subset.pixels(), j * per, (j + 1) * per))
            && subset.labels()[j] == (int) a.get("yl").data()[i];
      }
      assertThat(found).as("labelled image %d and its label come from the subset", i).isTrue();
    }
  }

  @Test
  void needsTheTrainingSplitToDrawLabels() {
    Model model = new SemiSupervisedAutoencoderProvider().create(small(20, null), new ModelContext(
        Scope.root(new ParameterStore(1)), SHAPE));
    assertThatThrownBy(() -> model.prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of(), new SplittableRandom(1)))
        .hasMessageContaining("needs the training split");
  }

  private static double accuracy(ComputeSession session, Model model) {
    int[] idx = new int[TEST.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    HostTensor logits = session.compile(model.functions().get(Model.Functions.CLASSIFY))
        .apply(Map.of("x", TEST.images(idx))).get("logits");
    assertThat(logits.shape()).containsExactly(TEST.size(), 4);
    int correct = 0;
    for (int i = 0; i < idx.length; i++) {
      int best = 0;
      for (int k = 1; k < 4; k++) {
        if (logits.data()[i * 4 + k] > logits.data()[i * 4 + best]) {
          best = k;
        }
      }
      correct += best == TEST.labels()[i] ? 1 : 0;
    }
    return correct / (double) idx.length;
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void jointTrainingClassifiesSeparableClassesWellAboveChance(String backendId) {
    Backend backend = backendId.equals("djl") ? djl : tensorflow;
    HostTensor all = TRAIN.images(java.util.stream.IntStream.range(0, TRAIN.size()).toArray());
    for (Double reconstructionWeight : new Double[] {1.0, 0.0}) {
      ParameterStore store = new ParameterStore(9);
      SemiSupervisedAutoencoder model = build(store, small(40, reconstructionWeight), 9);
      try (ComputeSession session = backend.open(store, 9)) {
        List<Map<String, Float>> losses = FamilyData.train(session, model, all, 40, 64);
        float first = losses.get(0).get("loss");
        float last = losses.get(losses.size() - 1).get("loss");
        assertThat(last).as("weight %s: last loss vs first %s", reconstructionWeight, first).isLessThan(0.8f * first);
        assertThat(losses.get(0).containsKey("reconstruction")).isEqualTo(reconstructionWeight > 0);
        assertThat(accuracy(session, model)).as("test accuracy, reconstruction weight %s (chance 0.25)",
            reconstructionWeight).isGreaterThan(0.6);
      }
    }
  }
}
