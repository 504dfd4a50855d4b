package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.ModelTraining;
import org.latentlab.testkit.TestBackends;

/**
 * The small StyleGAN learns at a tiny budget on both backends, its noise inputs change detail only a
 * little, and style mixing switches from one code's image to the other's with the crossover.
 */
class StyleGanTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 10);
  private static final int LATENT = 16;
  private static final int N = 64;

  private static Model model(ParameterStore store) {
    return new StyleGanProvider().create(new StyleGanParameters(LATENT, 2, 16, null, null, 2e-3, null, null),
        new ModelContext(Scope.root(store), GanData.SHAPE));
  }

  private static double meanAbsoluteDifference(HostTensor a, HostTensor b) {
    double s = 0;
    for (int i = 0; i < a.data().length; i++) {
      s += Math.abs(a.data()[i] - b.data()[i]) / a.data().length;
    }
    return s;
  }

  private static HostTensor crossover(float t) {
    float[] v = new float[N];
    Arrays.fill(v, t);
    return new HostTensor(v, new int[] {N});
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void itMovesItsSamplesTowardsTheDataAndItsNoiseChangesOnlyDetail(String backend) {
    ParameterStore store = new ParameterStore(13);
    Model model = model(store);
    float[] dataMean = GanData.meanImage(DATA.images(IntStream.range(0, DATA.size()).toArray()));
    HostTensor z = GanData.noise(256, LATENT, 5);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 13)) {
      CompiledFunction generate = session.compile(model.functions().get(Model.Functions.GENERATE));
      double before = GanData.meanSquaredDistance(GanData.meanImage(generate.apply(Map.of("z", z)).get("x")), dataMean);
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 100, 32, 13);
      HostTensor samples = generate.apply(Map.of("z", z)).get("x");
      double after = GanData.meanSquaredDistance(GanData.meanImage(samples), dataMean);
      List<Map<String, Float>> d = losses.get(AdversarialProgram.DISCRIMINATOR);
      double lateAccuracy = d.subList(d.size() - 20, d.size()).stream().mapToDouble(l -> l.get("accuracy")).average()
          .orElseThrow();
      assertThat(after).as("distance of the samples' mean image to the data's, before %s", before)
          .isLessThan(0.5 * before);
      assertThat(lateAccuracy).as("discriminator accuracy over the last 20 steps").isGreaterThan(0.6);

      double noiseEffect = meanAbsoluteDifference(samples, generate.apply(Map.of("z", z)).get("x"));
      double codeEffect = meanAbsoluteDifference(samples, generate.apply(Map.of("z", GanData.noise(256, LATENT, 6))).get("x"));
      assertThat(noiseEffect).as("same codes, fresh noise (other codes: %s)", codeEffect)
          .isGreaterThan(0).isLessThan(0.25 * codeEffect);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void mixingAtTheEndsGivesEachCodesOwnImageAndInBetweenSomethingElse(String backend) {
    ParameterStore store = new ParameterStore(14);
    Model model = model(store);
    HostTensor a = GanData.noise(N, LATENT, 1);
    HostTensor b = GanData.noise(N, LATENT, 2);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 14)) {
      CompiledFunction mixed = session.compile(model.functions().get(Model.Functions.GENERATE_MIXED));
      HostTensor pureA = mixed.apply(Map.of("z", a, "z-mixed", a, "crossover", crossover(0.5f))).get("x");
      HostTensor pureB = mixed.apply(Map.of("z", b, "z-mixed", b, "crossover", crossover(0.5f))).get("x");
      HostTensor allFromZ = mixed.apply(Map.of("z", a, "z-mixed", b, "crossover", crossover(1f))).get("x");
      HostTensor noneFromZ = mixed.apply(Map.of("z", a, "z-mixed", b, "crossover", crossover(0f))).get("x");
      HostTensor coarseFromA = mixed.apply(Map.of("z", a, "z-mixed", b, "crossover", crossover(1f / 3))).get("x");
      assertThat(meanAbsoluteDifference(allFromZ, pureA)).as("crossover 1: z's image").isLessThan(1e-6);
      assertThat(meanAbsoluteDifference(noneFromZ, pureB)).as("crossover 0: z-mixed's image").isLessThan(1e-6);
      double apart = meanAbsoluteDifference(pureA, pureB);
      assertThat(apart).as("the two codes' images differ").isGreaterThan(1e-3);
      assertThat(meanAbsoluteDifference(coarseFromA, pureA)).isGreaterThan(0.01 * apart);
      assertThat(meanAbsoluteDifference(coarseFromA, pureB)).isGreaterThan(0.01 * apart);
      HostTensor again = mixed.apply(Map.of("z", a, "z-mixed", b, "crossover", crossover(1f / 3))).get("x");
      assertThat(again.data()).as("deterministic: fixed noise").containsExactly(coarseFromA.data());
    }
  }

  @Test
  void sidesThatAreNotAMultipleOfFourAreRefusedNamingTheirSize() {
    assertThatThrownBy(() -> new StyleGanProvider().create(
        new StyleGanParameters(null, null, null, null, null, null, null, null),
        new ModelContext(Scope.root(new ParameterStore(1)), new DataShape(1, 30, 30, 10))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stylegan").hasMessageContaining("30x30");
  }
}
