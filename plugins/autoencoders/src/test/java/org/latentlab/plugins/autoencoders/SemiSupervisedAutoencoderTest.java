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
import org.latentlab.api.tensor.Tensor;
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

  /** Reconstruction only, labelled images not augmented. */
  private static SemiSupervisedParameters plain(int labels) {
    return new SemiSupervisedParameters("mlp", 16, null, 64, "bce", labels, null, null, null, 3e-3, null, null,
        null, null, null, null, 0.0, null, false);
  }

  /** A small model with the given unlabelled-data weights and view corruption. */
  private static SemiSupervisedParameters small(int labels, double reconstructionWeight, double consistencyWeight,
      double entropyWeight, double noise, double maskRate) {
    return new SemiSupervisedParameters("mlp", 16, null, 64, "bce", labels, null, null, reconstructionWeight, 3e-3,
        null, consistencyWeight, entropyWeight, noise, maskRate, 0, 0.0, null, false);
  }

  private static Backend backend(String id) {
    return id.equals("djl") ? djl : tensorflow;
  }

  /** The losses of one training step of {@code p} on the first 64 training images. */
  private static Map<String, Float> oneStep(Backend backend, SemiSupervisedParameters p) {
    ParameterStore store = new ParameterStore(5);
    SemiSupervisedAutoencoder model = build(store, p, 5);
    HostTensor all = TRAIN.images(java.util.stream.IntStream.range(0, TRAIN.size()).toArray());
    try (ComputeSession session = backend.open(store, 5)) {
      return FamilyData.train(session, model, all, 1, 64).get(0);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void consistencyIsZeroForIdenticalViewsAndPositiveForCorruptedOnes(String backendId) {
    Map<String, Float> identical = oneStep(backend(backendId), small(40, 0.0, 1.0, 0.0, 0.0, 0.0));
    assertThat(identical.get("consistency")).isEqualTo(0f);
    assertThat(identical).doesNotContainKeys("entropy", "reconstruction");
    Map<String, Float> noisy = oneStep(backend(backendId), small(40, 0.0, 1.0, 0.0, 0.3, 0.0));
    Map<String, Float> masked = oneStep(backend(backendId), small(40, 0.0, 1.0, 0.0, 0.0, 0.3));
    assertThat(noisy.get("consistency")).isGreaterThan(1e-7f);
    assertThat(masked.get("consistency")).isGreaterThan(1e-7f);
    // The objective is the weighted sum of the reported terms.
    assertThat(noisy.get("loss")).isCloseTo(noisy.get("classification") + noisy.get("consistency"),
        org.assertj.core.api.Assertions.within(1e-5f));
    Map<String, Float> baseline = oneStep(backend(backendId), small(40, 0.0, 0.0, 0.0, 0.3, 0.3));
    assertThat(baseline).containsOnlyKeys("loss", "classification");
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void entropyAndConsistencyMatchAHandComputation(String backendId) {
    float[] a = {0f, 0f, 0f, 0f, 2f, 0f, -1f, 0.5f, 10f, -10f, 3f, 1f};
    float[] b = {1f, 0f, 0f, 0f, 0f, 2f, -1f, 0.5f, -10f, 10f, 1f, 3f};
    double entropy = 0;
    double squares = 0;
    for (int i = 0; i < 3; i++) {
      double[] p = softmax(a, i);
      double[] q = softmax(b, i);
      for (int k = 0; k < 4; k++) {
        entropy -= p[k] * Math.log(p[k]);
        squares += (p[k] - q[k]) * (p[k] - q[k]);
      }
    }
    entropy /= 3; // mean over images of the sum over classes
    squares /= 12; // mean over images and classes
    try (ComputeSession session = backend(backendId).open(new ParameterStore(1), 1)) {
      Map<String, HostTensor> out = session.compile((ops, in) -> Map.of(
              "entropy", SemiSupervisedAutoencoder.entropy(ops, in.get("a")),
              "consistency", SemiSupervisedAutoencoder.consistency(ops, in.get("a"), in.get("b"))))
          .apply(Map.of("a", new HostTensor(a, new int[] {3, 4}), "b", new HostTensor(b, new int[] {3, 4})));
      assertThat((double) out.get("entropy").data()[0]).isCloseTo(entropy, org.assertj.core.api.Assertions.within(1e-5));
      assertThat((double) out.get("consistency").data()[0]).isCloseTo(squares,
          org.assertj.core.api.Assertions.within(1e-6));
    }
    // The uniform row alone has entropy log 4.
    try (ComputeSession session = backend(backendId).open(new ParameterStore(1), 1)) {
      HostTensor uniform = new HostTensor(new float[] {0f, 0f, 0f, 0f}, new int[] {1, 4});
      HostTensor h = session.compile((ops, in) -> Map.of("h", SemiSupervisedAutoencoder.entropy(ops, in.get("x"))))
          .apply(Map.of("x", uniform)).get("h");
      assertThat((double) h.data()[0]).isCloseTo(Math.log(4), org.assertj.core.api.Assertions.within(1e-5));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void translationShiftsEachImageByItsOwnBoundedOffset(String backendId) {
    int n = 32;
    float[] dots = new float[n * SIDE * SIDE];
    for (int i = 0; i < n; i++) {
      dots[i * SIDE * SIDE + 8 * SIDE + 8] = 1f; // one bright pixel at (8, 8)
    }
    HostTensor shifted;
    try (ComputeSession session = backend(backendId).open(new ParameterStore(1), 3)) {
      shifted = session.compile((ops, in) -> Map.of("y", SemiSupervisedAutoencoder.translate(ops, in.get("x"), 2)))
          .apply(Map.of("x", new HostTensor(dots, new int[] {n, 1, SIDE, SIDE}))).get("y");
    }
    assertThat(shifted.shape()).containsExactly(n, 1, SIDE, SIDE);
    java.util.Set<Integer> offsets = new java.util.HashSet<>();
    for (int i = 0; i < n; i++) {
      int bright = -1;
      float sum = 0;
      for (int p = 0; p < SIDE * SIDE; p++) {
        float v = shifted.data()[i * SIDE * SIDE + p];
        sum += v;
        if (v == 1f) {
          bright = p;
        }
      }
      assertThat(sum).as("image %d keeps its one pixel", i).isEqualTo(1f);
      int dy = bright / SIDE - 8;
      int dx = bright % SIDE - 8;
      assertThat(Math.max(Math.abs(dy), Math.abs(dx))).isLessThanOrEqualTo(2);
      offsets.add(dy * 10 + dx);
    }
    assertThat(offsets.size()).as("distinct offsets among %d images", n).isGreaterThan(5);
  }

  private static double[] softmax(float[] logits, int row) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < 4; k++) {
      max = Math.max(max, logits[row * 4 + k]);
    }
    double[] p = new double[4];
    double sum = 0;
    for (int k = 0; k < 4; k++) {
      p[k] = Math.exp(logits[row * 4 + k] - max);
      sum += p[k];
    }
    for (int k = 0; k < 4; k++) {
      p[k] /= sum;
    }
    return p;
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
    SemiSupervisedAutoencoder model = build(new ParameterStore(1), plain(20), 42);
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
  void prepareBatchAddsWeakAndStrongViewsForPseudoLabels() {
    SemiSupervisedAutoencoder model = build(new ParameterStore(1), small(20, null), 42);
    HostTensor x = FamilyData.batch(new HostTensor(TRAIN.pixels(), new int[] {400, 1, SIDE, SIDE}), 0, 8);
    Map<String, HostTensor> a = model.prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of("x", x), new SplittableRandom(7));
    Map<String, HostTensor> b = model.prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of("x", x), new SplittableRandom(7));
    assertThat(a).containsOnlyKeys("x", "xl", "yl", "xw", "xs");
    assertThat(a.get("xw").shape()).containsExactly(8, 1, SIDE, SIDE);
    assertThat(a.get("xs").shape()).containsExactly(8, 1, SIDE, SIDE);
    assertThat(a.get("xw")).isEqualTo(b.get("xw"));
    assertThat(a.get("xs")).isEqualTo(b.get("xs"));
    assertThat(a.get("xw")).isNotEqualTo(x);
    assertThat(a.get("xs")).isNotEqualTo(a.get("xw"));
    Map<String, HostTensor> without = build(new ParameterStore(1), plain(20), 42)
        .prepareBatch(SemiSupervisedAutoencoder.STEP, Map.of("x", x), new SplittableRandom(7));
    assertThat(without).containsOnlyKeys("x", "xl", "yl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void pseudoLabelLossMatchesAHandComputation(String backendId) {
    // Rows 0 and 2 are confident (class 0, class 2), row 1 is not (max p about 0.51).
    float[] weak = {10f, 0f, 0f, 0f, 1f, 0.5f, -1f, -1f, 0f, 0f, 8f, 0f};
    float[] strong = {1f, 2f, 0f, -1f, 3f, 0f, 0f, 0f, 0.5f, 0f, 0f, 2f};
    double expected = (-Math.log(softmax(strong, 0)[0]) - Math.log(softmax(strong, 2)[2])) / 3;
    try (ComputeSession session = backend(backendId).open(new ParameterStore(1), 1)) {
      Map<String, HostTensor> out = session.compile((ops, in) -> {
        Tensor[] loss = SemiSupervisedAutoencoder.pseudoLabelLoss(ops, in.get("w"), in.get("s"), 0.95f);
        return Map.of("loss", loss[0], "confident", loss[1]);
      }).apply(Map.of("w", new HostTensor(weak, new int[] {3, 4}), "s", new HostTensor(strong, new int[] {3, 4})));
      assertThat((double) out.get("loss").data()[0]).isCloseTo(expected, org.assertj.core.api.Assertions.within(1e-5));
      assertThat(out.get("confident").data()[0]).isCloseTo(2f / 3, org.assertj.core.api.Assertions.within(1e-6f));
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
    Backend backend = backend(backendId);
    HostTensor all = TRAIN.images(java.util.stream.IntStream.range(0, TRAIN.size()).toArray());
    Map<String, SemiSupervisedParameters> variants = new java.util.LinkedHashMap<>();
    variants.put("defaults (reconstruction, pseudo-labels)", small(40, null));
    variants.put("consistency and entropy, hidden head", new SemiSupervisedParameters("mlp", 16, null, 64, "bce", 40,
        null, null, 0.0, 3e-3, 32, 10.0, 0.1, null, null, null, 0.0, null, null));
    variants.put("supervised-only baseline", small(40, 0.0, 0.0, 0.0, 0.15, 0.2));
    variants.forEach((name, p) -> {
      ParameterStore store = new ParameterStore(9);
      SemiSupervisedAutoencoder model = build(store, p, 9);
      try (ComputeSession session = backend.open(store, 9)) {
        List<Map<String, Float>> losses = FamilyData.train(session, model, all, 40, 64);
        float first = losses.get(0).get("loss");
        float last = losses.get(losses.size() - 1).get("loss");
        assertThat(last).as("%s: last loss vs first %s", name, first).isLessThan(0.8f * first);
        assertThat(losses.get(0).containsKey("reconstruction")).isEqualTo(p.reconstructionWeight() > 0);
        assertThat(losses.get(0).containsKey("consistency")).isEqualTo(p.consistencyWeight() > 0);
        assertThat(losses.get(0).containsKey("entropy")).isEqualTo(p.entropyWeight() > 0);
        assertThat(losses.get(0).containsKey("pseudo-label")).isEqualTo(p.pseudoLabelWeight() > 0);
        assertThat(accuracy(session, model)).as("test accuracy, %s (chance 0.25)", name).isGreaterThan(0.6);
      }
    });
  }
}
