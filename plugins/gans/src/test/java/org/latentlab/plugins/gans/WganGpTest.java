package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.InferenceFunction;
import org.latentlab.api.train.Trainer;
import org.latentlab.testkit.ModelTraining;
import org.latentlab.testkit.TestBackends;

/**
 * WGAN-GP: the gradient penalty against critics with known gradients, learning on the backend with
 * higher-order gradients (tensorflow), and a clear refusal on the one without (djl).
 */
class WganGpTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 8);
  private static final int SIDE = 4;
  private static final int PIXELS = SIDE * SIDE;

  private static Model model(ParameterStore store, Double learningRate) {
    return new WganGpProvider().create(new WganGpParameters(16, 8, null, null, learningRate, null, null),
        new ModelContext(Scope.root(store), GanData.SHAPE));
  }

  /** The penalty of {@code critic} between {@code real} and {@code fake}, on tensorflow. */
  private static double penalty(Layer critic, HostTensor real, HostTensor fake) {
    InferenceFunction f = (ops, in) -> Map.of("penalty",
        ops.shape().reshape(GradientPenalty.of(ops, critic, in.get("real"), in.get("fake")), 1));
    try (ComputeSession session = TestBackends.shared("tensorflow").open(new ParameterStore(0), 4)) {
      return session.compile(f).apply(Map.of("real", real, "fake", fake)).get("penalty").data()[0];
    }
  }

  private static HostTensor filled(int n, float value) {
    float[] v = new float[n * PIXELS];
    Arrays.fill(v, value);
    return new HostTensor(v, new int[] {n, 1, SIDE, SIDE});
  }

  @Test
  void aLinearCriticHasGradientNormItsWeightsNormEverywhere() {
    // D(x) = w . x with ||w|| = 2.5 (w = 0.625 everywhere): the penalty is (2.5 - 1)^2 whatever alpha.
    float[] w = new float[PIXELS];
    Arrays.fill(w, 0.625f);
    Layer linear = (ops, x) -> ops.math().matmul(ops.shape().flatten(x),
        ops.constant(new HostTensor(w, new int[] {PIXELS, 1})));
    assertThat(penalty(linear, new HostTensor(GanData.noise(64, PIXELS, 1).data(), new int[] {64, 1, SIDE, SIDE}), filled(64, 0.3f)))
        .isCloseTo(2.25, within(1e-4));
  }

  @Test
  void theInterpolatesTakeOneUniformAlphaPerSample() {
    // D(x) = |x|^2 / 2 has gradient x; between real images a with |a| = 3 and black fakes the gradient norm
    // is 3 alpha, so E[(3 alpha - 1)^2] = 9/3 - 3 + 1 = 1 for alpha ~ U[0, 1] per sample (a fixed alpha of
    // 1/2 gives 0.25, a fresh alpha per pixel about 0.54).
    Layer quadratic = (ops, x) -> ops.math().scale(
        ops.math().sum(ops.math().square(ops.shape().flatten(x)), true, 1), 0.5f);
    int n = 20000;
    assertThat(penalty(quadratic, filled(n, 0.75f), filled(n, 0f))).isCloseTo(1.0, within(0.05));
  }

  @Test
  void itMovesItsSamplesTowardsTheDataWithAPositiveWassersteinEstimateOnTensorflow() {
    ParameterStore store = new ParameterStore(12);
    Model model = model(store, 1e-3);
    float[] dataMean = GanData.meanImage(DATA.images(IntStream.range(0, DATA.size()).toArray()));
    HostTensor z = GanData.noise(256, 16, 5);
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 12)) {
      CompiledFunction generate = session.compile(model.functions().get(Model.Functions.GENERATE));
      double before = GanData.meanSquaredDistance(GanData.meanImage(generate.apply(Map.of("z", z)).get("x")), dataMean);
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 60, 32, 13);
      double after = GanData.meanSquaredDistance(GanData.meanImage(generate.apply(Map.of("z", z)).get("x")), dataMean);
      List<Map<String, Float>> critic = losses.get(WassersteinProgram.CRITIC);
      assertThat(critic).hasSize(60 * 5)
          .allSatisfy(l -> assertThat(Float.isFinite(l.get("penalty"))).as("finite penalty").isTrue());
      double lateWasserstein = critic.subList(critic.size() - 50, critic.size()).stream()
          .mapToDouble(l -> l.get("wasserstein")).average().orElseThrow();
      assertThat(after).as("distance of the samples' mean image to the data's, before %s", before)
          .isLessThan(0.5 * before);
      assertThat(lateWasserstein).as("critic's Wasserstein estimate over the last 50 critic steps").isGreaterThan(0);
    }
  }

  @Test
  void djlRefusesItWithTheCapabilityMessage() {
    assertThat(new WganGpProvider().requiredCapabilities(new WganGpParameters(null, null, null, null, null, null, null)))
        .containsExactly(Capability.HIGHER_ORDER_GRADIENTS);
    ParameterStore store = new ParameterStore(3);
    Model model = model(store, null);
    assertThat(model.requiredCapabilities()).containsExactly(Capability.HIGHER_ORDER_GRADIENTS);
    int[] idx = IntStream.range(0, 8).toArray();
    try (ComputeSession session = TestBackends.shared("djl").open(store, 3)) {
      Trainer trainer = session.trainer(model.program());
      assertThatThrownBy(() -> trainer.step(WassersteinProgram.CRITIC, Map.of("x", DATA.images(idx))))
          .hasMessageContaining(Capability.HIGHER_ORDER_GRADIENTS.id());
    }
  }

  @Test
  void invalidSettingsAreNamed() {
    Problems problems = new Problems();
    new WganGpParameters(null, null, -1.0, 0, null, null, 1.0).validate(problems);
    assertThat(problems.all()).extracting(p -> p.field()).containsExactly("penaltyWeight", "criticSteps", "beta2");
  }
}
