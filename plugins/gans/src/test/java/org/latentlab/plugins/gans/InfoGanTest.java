package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
 * InfoGAN learns its game and its codes at a tiny budget on both backends: the discriminator's accuracy
 * leaves 1/2, Q reads the categorical code from the samples (its cross-entropy falls well below
 * {@code log 10}), and the codes reach the generator.
 */
class InfoGanTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 8);
  private static final int LATENT = 16;
  private static final int CATEGORIES = 10;
  private static final int N = 20;

  private static Model model(ParameterStore store) {
    return model(store, (Double) null);
  }

  private static Model model(ParameterStore store, Double inputNoise) {
    return model(store, inputNoise, false);
  }

  private static Model model(ParameterStore store, Double inputNoise, boolean discriminatorBatchNorm) {
    return model(store, new InfoGanParameters(LATENT, CATEGORIES, 2, null, null, 8, discriminatorBatchNorm, 32, null,
        1e-3, null, null, inputNoise, null, null, null, null, null));
  }

  private static Model model(ParameterStore store, InfoGanParameters parameters) {
    return new InfoGanProvider().create(parameters, new ModelContext(Scope.root(store), GanData.SHAPE));
  }

  private static double mean(List<Map<String, Float>> losses, String term, int from, int to) {
    return losses.subList(from, to).stream().mapToDouble(l -> l.get(term)).average().orElseThrow();
  }

  /** Images for noise {@code z} with every row's category {@code k} and continuous codes {@code c}. */
  private static HostTensor generate(CompiledFunction withCodes, HostTensor z, int k, float c2, float c3) {
    float[] category = new float[N];
    Arrays.fill(category, k);
    float[] continuous = new float[2 * N];
    for (int i = 0; i < N; i++) {
      continuous[2 * i] = c2;
      continuous[2 * i + 1] = c3;
    }
    return withCodes.apply(Map.of("z", z, "category", new HostTensor(category, new int[] {N}),
        "continuous", new HostTensor(continuous, new int[] {N, 2}))).get("x");
  }

  private static double meanAbsoluteDifference(HostTensor a, HostTensor b) {
    double s = 0;
    for (int i = 0; i < a.data().length; i++) {
      s += Math.abs(a.data()[i] - b.data()[i]) / a.data().length;
    }
    return s;
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void discriminatorLearnsAndQReadsTheCategoricalCodeFromTheSamples(String backend) {
    ParameterStore store = new ParameterStore(13);
    Model model = model(store);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 13)) {
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 150, 32, 13);
      List<Map<String, Float>> d = losses.get(AdversarialProgram.DISCRIMINATOR);
      List<Map<String, Float>> g = losses.get(AdversarialProgram.GENERATOR);
      double logK = Math.log(CATEGORIES);
      assertThat(mean(d, "c1-cross-entropy", 0, 5)).as("Q's cross-entropy at the start").isGreaterThan(0.8 * logK);
      assertThat(mean(d, "accuracy", d.size() - 20, d.size())).as("discriminator accuracy, last 20 steps")
          .isGreaterThan(0.6);
      assertThat(mean(d, "c1-cross-entropy", d.size() - 20, d.size())).as("c1 cross-entropy, last 20 D steps")
          .isLessThan(0.3 * logK);
      assertThat(mean(g, "c1-cross-entropy", g.size() - 20, g.size())).as("c1 cross-entropy, last 20 G steps")
          .isLessThan(0.3 * logK);
      assertThat(mean(d, "continuous-nll", d.size() - 20, d.size()))
          .as("Q's Gaussian NLL of the continuous codes, last 20 steps (Q predicting 0: 1/3)").isLessThan(0.25);

      CompiledFunction withCodes = session.compile(model.functions().get(Model.Functions.GENERATE_WITH_CODES));
      HostTensor z = GanData.noise(N, LATENT, 3);
      HostTensor first = generate(withCodes, z, 0, 0, 0);
      assertThat(generate(withCodes, z, 0, 0, 0).data()).as("same noise and codes").containsExactly(first.data());
      for (int k = 1; k < CATEGORIES; k++) {
        assertThat(meanAbsoluteDifference(first, generate(withCodes, z, k, 0, 0)))
            .as("mean pixel difference between c1 = 0 and c1 = %d at the same noise", k).isGreaterThan(0.02);
      }
      assertThat(meanAbsoluteDifference(generate(withCodes, z, 0, -1, 0), generate(withCodes, z, 0, 1, 0)))
          .as("c2 = -1 against c2 = 1").isGreaterThan(0.01);
      assertThat(meanAbsoluteDifference(generate(withCodes, z, 0, 0, -1), generate(withCodes, z, 0, 0, 1)))
          .as("c3 = -1 against c3 = 1").isGreaterThan(0.01);
    }
  }

  /** Q's c1 cross-entropy over the last 20 discriminator steps of a tiny run with this (annealed) instance noise. */
  private static double finalCategoricalCrossEntropy(double inputNoise) {
    ParameterStore store = new ParameterStore(13);
    Model model = model(store, inputNoise);
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 13)) {
      List<Map<String, Float>> d = ModelTraining.train(session, model, DATA, 150, 32, 13)
          .get(AdversarialProgram.DISCRIMINATOR);
      return mean(d, "c1-cross-entropy", d.size() - 20, d.size());
    }
  }

  @Test
  void instanceNoiseReachesWhatTheDiscriminatorSeesYetMildNoiseLetsQReadTheCategoricalCode() {
    double logK = Math.log(CATEGORIES);
    assertThat(finalCategoricalCrossEntropy(0.1)).as("noise 0.1: Q reads c1").isLessThan(0.5 * logK);
    assertThat(finalCategoricalCrossEntropy(1.0)).as("noise 1.0 drowns the 8x8 samples: Q cannot read c1 yet")
        .isGreaterThan(0.8 * logK);
  }

  /**
   * With batch norm in the discriminator, generated images are normalised by statistics of generated images in
   * both steps, so the two steps agree on how real the samples look. (A joint pass over real and generated
   * images in the discriminator's step once gave it d-fake 0.01 while the generator's step, normalising a
   * generated batch alone, read 0.76 for the same generator: the generator trained against a discriminator
   * that did not exist, and collapsed.)
   */
  @Test
  void withBatchNormBothStepsSeeTheSameDiscriminator() {
    ParameterStore store = new ParameterStore(13);
    Model model = model(store, null, true);
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 13)) {
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 150, 32, 13);
      List<Map<String, Float>> d = losses.get(AdversarialProgram.DISCRIMINATOR);
      List<Map<String, Float>> g = losses.get(AdversarialProgram.GENERATOR);
      double inDiscriminatorStep = mean(d, "d-fake", d.size() - 20, d.size());
      double inGeneratorStep = mean(g, "d-fake", g.size() - 20, g.size());
      assertThat(Math.abs(inDiscriminatorStep - inGeneratorStep))
          .as("mean D(G(z)) over the last 20 steps: %.3f in D's step, %.3f in G's", inDiscriminatorStep,
              inGeneratorStep)
          .isLessThan(0.15);
      assertThat(mean(d, "accuracy", d.size() - 20, d.size())).as("discriminator accuracy").isGreaterThan(0.6);
    }
  }

  @Test
  void generateTakesNoiseAloneAndDrawsTheCodesItself() {
    ParameterStore store = new ParameterStore(2);
    Model model = model(store);
    assertThat(model.noiseSize()).hasValue(LATENT);
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 2)) {
      HostTensor x = session.compile(model.functions().get(Model.Functions.GENERATE))
          .apply(Map.of("z", GanData.noise(5, LATENT, 1))).get("x");
      assertThat(x.shape()).containsExactly(5, 1, GanData.SIDE, GanData.SIDE);
      for (float v : x.data()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void qSharesTheDiscriminatorsTrunkAndTrainsInItsStepWhileTheGeneratorTakesNoiseAndCodes() {
    ParameterStore store = new ParameterStore(1);
    Model model = model(store);
    assertThat(model.program().step(AdversarialProgram.DISCRIMINATOR).parameters(store))
        .containsExactly("discriminator/conv1/weight", "discriminator/conv1/bias", "discriminator/conv2/weight",
            "discriminator/conv2/bias", "discriminator/out/weight", "discriminator/out/bias",
            "discriminator/q/hidden/weight", "discriminator/q/hidden/bias", "discriminator/q/out/weight",
            "discriminator/q/out/bias");
    assertThat(store.get("discriminator/q/out/weight").shape()).as("logits of c1, means of c2 and c3")
        .containsExactly(32, CATEGORIES + 2);
    assertThat(store.get("generator/project/weight").shape()[0]).as("z, one-hot c1, c2, c3")
        .isEqualTo(LATENT + CATEGORIES + 2);
  }

  /**
   * With the noise scaled down (ClusterGAN's N(0, 0.1^2) prior) and Q reconstructing it, Q's Gaussian NLL of the
   * standard-normal noise falls from where predicting 0 leaves it ({@code latentDim / 2}), and the noise still
   * changes the samples: the generator cannot ignore it.
   */
  @Test
  void qReconstructsTheScaledDownNoiseSoTheGeneratorKeepsUsingIt() {
    ParameterStore store = new ParameterStore(13);
    Model model = model(store, new InfoGanParameters(LATENT, CATEGORIES, 2, null, null, 8, false, 32, null, 1e-3, null,
        null, null, 0.1, 1.0, null, null, null));
    assertThat(store.get("discriminator/q/out/weight").shape()).as("c1 logits, c2 and c3, then the noise")
        .containsExactly(32, CATEGORIES + 2 + LATENT);
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 13)) {
      List<Map<String, Float>> d = ModelTraining.train(session, model, DATA, 150, 32, 13)
          .get(AdversarialProgram.DISCRIMINATOR);
      double start = mean(d, "noise-nll", 0, 5);
      double end = mean(d, "noise-nll", d.size() - 20, d.size());
      assertThat(start).as("noise NLL at the start (Q predicting about 0: %s)", LATENT / 2.0)
          .isGreaterThan(0.6 * LATENT / 2.0);
      assertThat(end).as("noise NLL over the last 20 steps").isLessThan(0.5 * start);

      CompiledFunction withCodes = session.compile(model.functions().get(Model.Functions.GENERATE_WITH_CODES));
      HostTensor one = generate(withCodes, GanData.noise(N, LATENT, 3), 0, 0, 0);
      HostTensor other = generate(withCodes, GanData.noise(N, LATENT, 4), 0, 0, 0);
      assertThat(meanAbsoluteDifference(one, other)).as("two noise draws at the same codes").isGreaterThan(0.02);
    }
  }

  /**
   * With {@code realInformationLambda}, a {@code realWarp} and a {@code discriminatorWarp} (the catalog's setting),
   * the mutual information Q's c1 head reads from real images rises well above where it starts towards its ceiling
   * {@code log K} (Q puts each of the four kinds of real image in a value of its own with confidence, and uses every
   * value), Q's c1 on warped copies of real images comes to agree with its c1 on the images, and Q still reads c1 from
   * warped samples.
   */
  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void qSpreadsTheRealImagesOverTheCategoricalCodeAlikeThroughWarps(String backend) {
    int categories = 4;
    ParameterStore store = new ParameterStore(17);
    Model model = model(store, new InfoGanParameters(LATENT, categories, 2, null, null, 8, false, 32, null, 1e-3, null,
        null, null, null, null, 1.0, new RandomWarp(1.0, 0.1, 0.2), new RandomWarp(1.0, 0.1, 0.2)));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 17)) {
      List<Map<String, Float>> d = ModelTraining.train(session, model, DATA, 150, 32, 17)
          .get(AdversarialProgram.DISCRIMINATOR);
      int last = d.size();
      assertThat(mean(d, "real-c1-information", 0, 5)).as("real-image information at the start, nats")
          .isLessThan(0.3);
      assertThat(mean(d, "real-c1-information", last - 20, last)).as("over the last 20 steps (ceiling log 4 = 1.386)")
          .isGreaterThan(0.8 * Math.log(categories));
      assertThat(mean(d, "real-c1-warp-cross-entropy", last - 20, last))
          .as("cross-entropy of c1 on warped real images against c1 on the images, last 20 steps")
          .isLessThan(0.5 * mean(d, "real-c1-warp-cross-entropy", 0, 5));
      assertThat(mean(d, "c1-cross-entropy", last - 20, last))
          .as("Q's c1 cross-entropy on warped samples, last 20 steps")
          .isLessThan(0.3 * Math.log(categories));
    }
  }
}
