package org.latentlab.plugins.autoencoders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.latentlab.plugins.autoencoders.FamilyData.mean;
import static org.latentlab.plugins.autoencoders.FamilyData.rectangles;
import static org.latentlab.plugins.autoencoders.FamilyData.train;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/** Each model of the family learns at a tiny budget on both backends. */
class AutoencoderFamilyTest {
  private static final int SIDE = 16;
  private static final DataShape SHAPE = new DataShape(1, SIDE, SIDE, 10);
  private static final HostTensor DATA = rectangles(256, SIDE, 11);
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

  private static Backend backend(String id) {
    return id.equals("djl") ? djl : tensorflow;
  }

  private static ModelContext context(ParameterStore store) {
    return new ModelContext(Scope.root(store), SHAPE);
  }

  private static void assertLearns(List<Map<String, Float>> losses, String what) {
    float first = losses.get(0).get("loss");
    float last = losses.get(losses.size() - 1).get("loss");
    assertThat(last).as("%s: last loss vs first %s", what, first).isLessThan(0.8f * first);
  }

  private static HostTensor apply(ComputeSession session, Model model, String function, String input, HostTensor x,
      String output) {
    return session.compile(model.functions().get(function)).apply(Map.of(input, x)).get(output);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void plainAutoencoderLearnsWithBothArchitecturesAndLosses(String backendId) {
    for (String arch : List.of("mlp", "conv")) {
      String loss = arch.equals("mlp") ? "mse" : "bce";
      ParameterStore store = new ParameterStore(3);
      Model model = new AutoencoderProvider().create(new AutoencoderParameters(arch, 8, 8, 64, loss, 3e-3), context(store));
      try (ComputeSession session = backend(backendId).open(store, 3)) {
        List<Map<String, Float>> losses = train(session, model, DATA, 40, 64);
        assertLearns(losses, arch + "/" + loss);
        assertThat(losses.get(0)).containsKey("reconstruction");
        assertThat(apply(session, model, Model.Functions.ENCODE, "x", DATA.rows(0, 5), "z").shape()).containsExactly(5, 8);
        assertThat(apply(session, model, Model.Functions.RECONSTRUCT, "x", DATA.rows(0, 5), "x").shape())
            .containsExactly(5, 1, SIDE, SIDE);
        assertThat(apply(session, model, Model.Functions.DECODE, "z", HostTensor.zeros(2, 8), "x").shape())
            .containsExactly(2, 1, SIDE, SIDE);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void sparseKlPenaltyPullsTheMeanActivationTowardsRho(String backendId) {
    ParameterStore store = new ParameterStore(5);
    double rho = 0.05;
    Model model = new SparseAutoencoderProvider().create(
        new SparseAutoencoderParameters("mlp", 32, null, 64, "bce", "kl", 0.05, rho, 3e-3), context(store));
    try (ComputeSession session = backend(backendId).open(store, 5)) {
      HostTensor probe = DATA.rows(0, 128);
      HostTensor before = apply(session, model, Model.Functions.ENCODE, "x", probe, "z");
      List<Map<String, Float>> losses = train(session, model, DATA, 60, 64);
      HostTensor after = apply(session, model, Model.Functions.ENCODE, "x", probe, "z");
      for (float v : after.data()) {
        assertThat(v).isBetween(0f, 1f);
      }
      assertLearns(losses, "sparse kl");
      assertThat(losses.get(0)).containsKeys("reconstruction", "sparsity");
      double distanceBefore = Math.abs(mean(before) - rho);
      double distanceAfter = Math.abs(mean(after) - rho);
      assertThat(distanceAfter).as("|mean activation - rho| before %s, after %s", mean(before), mean(after))
          .isLessThan(0.5 * distanceBefore);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void sparseL1PenaltyShrinksTheCode(String backendId) {
    double[] meanAbs = new double[2];
    double[] weights = {0.0, 0.1};
    for (int k = 0; k < 2; k++) {
      ParameterStore store = new ParameterStore(6);
      Model model = new SparseAutoencoderProvider().create(
          new SparseAutoencoderParameters("mlp", 16, null, 64, "bce", "l1", weights[k], null, 3e-3), context(store));
      try (ComputeSession session = backend(backendId).open(store, 6)) {
        List<Map<String, Float>> losses = train(session, model, DATA, 40, 64);
        assertLearns(losses, "sparse l1, weight " + weights[k]);
        HostTensor z = apply(session, model, Model.Functions.ENCODE, "x", DATA.rows(0, 128), "z");
        for (float v : z.data()) {
          meanAbs[k] += Math.abs(v) / z.size();
        }
      }
    }
    assertThat(meanAbs[1]).as("mean |z| with the L1 penalty vs without (%s)", meanAbs[0]).isLessThan(0.7 * meanAbs[0]);
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void denoisingAutoencoderLearnsUnderEachCorruption(String backendId) {
    for (String corruption : List.of("gaussian", "masking", "salt-and-pepper")) {
      ParameterStore store = new ParameterStore(4);
      Model model = new DenoisingAutoencoderProvider().create(
          new DenoisingAutoencoderParameters("mlp", 8, null, 64, "bce", corruption, 0.2, 3e-3), context(store));
      try (ComputeSession session = backend(backendId).open(store, 4)) {
        assertLearns(train(session, model, DATA, 40, 64), "denoising " + corruption);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void vaeLearnsWithANonNegativeKlAndScoresEachImage(String backendId) {
    ParameterStore store = new ParameterStore(8);
    Model model = new VaeProvider().create(new VaeParameters("conv", 4, 8, null, "bce", 1.0, 3e-3), context(store));
    try (ComputeSession session = backend(backendId).open(store, 8)) {
      List<Map<String, Float>> losses = train(session, model, DATA, 40, 64);
      assertLearns(losses, "vae");
      for (Map<String, Float> l : losses) {
        assertThat(l.get("kl")).isGreaterThanOrEqualTo(-1e-4f);
        assertThat(l.get("reconstruction")).isPositive();
      }
      HostTensor score = apply(session, model, Model.Functions.NEGATIVE_ELBO, "x", DATA.rows(0, 7), "score");
      assertThat(score.shape()).containsExactly(7);
      for (float v : score.data()) {
        assertThat(Float.isFinite(v)).isTrue();
        assertThat(v).isPositive();
      }
      assertThat(apply(session, model, Model.Functions.ENCODE, "x", DATA.rows(0, 7), "z").shape()).containsExactly(7, 4);
      HostTensor generated = apply(session, model, Model.Functions.GENERATE, "z", HostTensor.zeros(3, 4), "x");
      assertThat(generated.shape()).containsExactly(3, 1, SIDE, SIDE);
      // ENCODE returns the mean: deterministic.
      HostTensor z1 = apply(session, model, Model.Functions.ENCODE, "x", DATA.rows(0, 3), "z");
      HostTensor z2 = apply(session, model, Model.Functions.ENCODE, "x", DATA.rows(0, 3), "z");
      assertThat(z1.data()).containsExactly(z2.data());
    }
  }
}
