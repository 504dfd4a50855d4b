package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.EvaluationContext;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

/** The domain classifier, its cache, and the generation view on a model with a known code. */
class GenerationEvaluatorTest {
  private static Backend backend;
  private static final Dataset DATA = QuadrantData.dataset(1200, 400);

  @TempDir Path cache;

  @BeforeAll
  static void loadBackend() {
    backend = TestBackends.create("djl");
  }

  @AfterAll
  static void closeBackend() {
    backend.close();
  }

  private EvaluationContext context(Map<String, CompiledFunction> functions) {
    return EvaluationContexts.of(DATA, functions, 3, backend, cache);
  }

  @Test
  void theDomainClassifierLearnsTheClassesAndIsReadBackFromTheCache() {
    EvaluationContext context = context(Map.of());
    HostTensor probe = DATA.test().images(new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    HostTensor first;
    try (DomainClassifier trained = DomainClassifier.obtain(context, 3)) {
      assertThat(trained.cached()).isFalse();
      assertThat(trained.testAccuracy()).as("test accuracy on 4 separable classes").isGreaterThan(0.95);
      first = trained.probabilities(probe);
      assertThat(trained.features(probe).shape()).containsExactly(8, 128);
    }
    try (DomainClassifier again = DomainClassifier.obtain(context, 3)) {
      assertThat(again.cached()).isTrue();
      assertThat(again.probabilities(probe).data()).containsExactly(first.data());
    }
  }

  @Test
  void fittedGaussianSamplesOfAGoodDecoderCoverTheClassesAndAConstantGeneratorDoesNot() {
    Evaluation fitted = new GenerationEvaluator(new GenerationParameters(400, 2, 5, 3))
        .evaluate(context(Map.of(Model.Functions.ENCODE, QuadrantData.ENCODE, Model.Functions.DECODE, QuadrantData.DECODE)));
    assertThat(fitted.metrics().get("generation/classifier-accuracy")).isGreaterThan(0.95);
    assertThat(fitted.metrics().get("generation/entropy-bits")).as("four classes, about equally often").isGreaterThan(1.5);
    assertThat(fitted.figures()).extracting(g -> g.name()).containsExactly("samples", "interpolations");
    assertThat(fitted.figures().get(1).images().shape()).containsExactly(2 * 7, 1, 8, 8);

    CompiledFunction alwaysClassA = in -> {
      int n = in.get("z").shape()[0];
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(repeat(new float[] {0.8f, 0.1f, 0.1f, 0.1f}, n),
          new int[] {n, 4})));
    };
    Evaluation collapsed = new GenerationEvaluator(new GenerationParameters(400, 0, 5, 3)).evaluate(context(Map.of(
        Model.Functions.ENCODE, QuadrantData.ENCODE, Model.Functions.DECODE, QuadrantData.DECODE,
        Model.Functions.GENERATE, alwaysClassA)));
    assertThat(collapsed.metrics().get("generation/entropy-bits")).as("prior samples all of one class").isLessThan(0.1);
    assertThat(collapsed.metrics()).containsKey("generation/fitted/entropy-bits");
    assertThat(collapsed.figures()).extracting(g -> g.name()).containsExactly("samples", "fitted-samples");
  }

  @Test
  void aModelThatOnlyGeneratesGetsPriorSamplesAndNoiseInterpolations() {
    Map<String, CompiledFunction> generateOnly = Map.of(Model.Functions.GENERATE, QuadrantData.DECODE);
    Evaluation generated = new GenerationEvaluator(new GenerationParameters(400, 2, 5, 3))
        .evaluate(EvaluationContexts.withNoiseSize(context(generateOnly), 4));
    assertThat(generated.metrics().get("generation/entropy-bits")).as("four classes from standard-normal codes")
        .isGreaterThan(1.5);
    assertThat(generated.metrics()).doesNotContainKey("generation/fitted/entropy-bits");
    assertThat(generated.figures()).extracting(g -> g.name()).containsExactly("samples", "latent-arithmetic", "interpolations");
    assertThat(generated.figures().get(2).images().shape()).containsExactly(2 * 5, 1, 8, 8);

    GenerationEvaluator evaluator = new GenerationEvaluator(new GenerationParameters(400, 0, 5, 3));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluator.evaluate(context(generateOnly)))
        .hasMessageContaining("no noise size (Model.noiseSize)");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> evaluator.evaluate(context(Map.of(
        Model.Functions.ENCODE, QuadrantData.ENCODE)))).hasMessageContaining("neither 'encode' and 'decode' nor 'generate'");
  }

  @Test
  void aConditionalGeneratorIsScoredByHowOftenItsSamplesAreLabelledTheAskedClass() {
    Evaluation obedient = conditional(c -> c);
    assertThat(obedient.metrics().get("generation/conditional-accuracy")).isGreaterThan(0.95);
    assertThat(obedient.metrics().get("generation/conditional-accuracy-min")).isGreaterThan(0.9);
    assertThat(obedient.figures()).extracting(g -> g.name()).contains("class-grid");
    assertThat(obedient.figures().stream().filter(g -> g.name().equals("class-grid")).findFirst().orElseThrow()
        .images().shape()).containsExactly(4 * 10, 1, 8, 8);

    Evaluation swapsTwo = conditional(c -> c == 0 ? 1 : c == 1 ? 0 : c);
    assertThat(swapsTwo.metrics().get("generation/conditional-accuracy")).as("two of four classes right")
        .isCloseTo(0.5, within(0.05));
    assertThat(swapsTwo.metrics().get("generation/conditional-accuracy-min")).isLessThan(0.05);
  }

  /** The generation view of a conditional generator drawing class {@code drawn(y)}'s quadrant when asked for {@code y}. */
  private Evaluation conditional(java.util.function.IntUnaryOperator drawn) {
    CompiledFunction generate = in -> {
      HostTensor y = in.get("y");
      int n = y.shape()[0];
      float[] codes = new float[n * 4];
      for (int i = 0; i < n; i++) {
        java.util.Arrays.fill(codes, i * 4, i * 4 + 4, 0.1f);
        codes[i * 4 + drawn.applyAsInt((int) y.data()[i])] = 0.6f + 0.1f * Math.abs(in.get("z").data()[i * 4]);
      }
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(codes, new int[] {n, 4})));
    };
    CompiledFunction unconditional = in -> generate.apply(Map.of("z", in.get("z"),
        "y", new HostTensor(new float[in.get("z").shape()[0]], new int[] {in.get("z").shape()[0]})));
    return new GenerationEvaluator(new GenerationParameters(400, 0, 5, 3)).evaluate(EvaluationContexts.withNoiseSize(
        context(Map.of(Model.Functions.GENERATE, unconditional, Model.Functions.GENERATE_CONDITIONAL, generate)), 4));
  }

  @Test
  void vectorArithmeticCarriesAnInkDirectionOverToAnotherClassOnlyWhenTheNoiseHasOne() {
    Evaluation inkInNoise = arithmetic(true);
    assertThat(inkInNoise.metrics().get("generation/arithmetic-ink-ratio")).as("heavy - light + light b is heavier")
        .isGreaterThan(1.2);
    assertThat(inkInNoise.metrics().get("generation/arithmetic-class-kept")).isGreaterThan(0.8);
    assertThat(inkInNoise.figures()).extracting(g -> g.name()).contains("latent-arithmetic");
    Evaluation fixedInk = arithmetic(false);
    assertThat(fixedInk.metrics().get("generation/arithmetic-ink-ratio")).as("no ink direction to carry")
        .isCloseTo(1.0, within(0.05));
  }

  /**
   * The generation view of a generator drawing the quadrant {@code argmax z[0..3]} with brightness
   * {@code 0.6 + 0.15 z[4]} when {@code inkInNoise}, else a fixed 0.6.
   */
  private Evaluation arithmetic(boolean inkInNoise) {
    CompiledFunction generate = in -> {
      HostTensor z = in.get("z");
      int n = z.shape()[0];
      float[] codes = new float[n * 4];
      for (int i = 0; i < n; i++) {
        int best = 0;
        for (int q = 1; q < 4; q++) {
          best = z.data()[i * 5 + q] > z.data()[i * 5 + best] ? q : best;
        }
        java.util.Arrays.fill(codes, i * 4, i * 4 + 4, 0.1f);
        codes[i * 4 + best] = inkInNoise ? Math.max(0.35f, Math.min(1f, 0.6f + 0.15f * z.data()[i * 5 + 4])) : 0.6f;
      }
      return QuadrantData.DECODE.apply(Map.of("z", new HostTensor(codes, new int[] {n, 4})));
    };
    return new GenerationEvaluator(new GenerationParameters(1000, 0, 5, 3)).evaluate(EvaluationContexts.withNoiseSize(
        context(Map.of(Model.Functions.GENERATE, generate)), 5));
  }

  @Test
  void entropyOfClassCountsInBits() {
    assertThat(GenerationEvaluator.entropyBits(new int[] {5, 5, 5, 5})).isCloseTo(2, within(1e-12));
    assertThat(GenerationEvaluator.entropyBits(new int[] {10, 0, 0, 0})).isZero();
  }

  @Test
  void fittedGaussianCodesHaveTheCodesMeanAndCovariance() {
    SplittableRandom r = new SplittableRandom(4);
    int n = 5000;
    float[] codes = new float[n * 2];
    for (int i = 0; i < n; i++) {
      double a = RandomStreams.gaussian(r);
      double b = RandomStreams.gaussian(r);
      codes[2 * i] = (float) (1 + 2 * a);
      codes[2 * i + 1] = (float) (-1 + a + 0.5 * b);
    }
    HostTensor samples = GenerationEvaluator.fittedGaussianCodes(new HostTensor(codes, new int[] {n, 2}), 20000,
        new SplittableRandom(5));
    double m0 = 0;
    double m1 = 0;
    for (int i = 0; i < 20000; i++) {
      m0 += samples.data()[2 * i] / 20000;
      m1 += samples.data()[2 * i + 1] / 20000;
    }
    double v0 = 0;
    double c01 = 0;
    for (int i = 0; i < 20000; i++) {
      double d0 = samples.data()[2 * i] - m0;
      v0 += d0 * d0 / 20000;
      c01 += d0 * (samples.data()[2 * i + 1] - m1) / 20000;
    }
    assertThat(m0).isCloseTo(1, within(0.1));
    assertThat(m1).isCloseTo(-1, within(0.1));
    assertThat(v0).as("var of 1 + 2a").isCloseTo(4, within(0.3));
    assertThat(c01).as("cov(1 + 2a, a + b/2)").isCloseTo(2, within(0.2));
  }

  private static float[] repeat(float[] row, int n) {
    float[] out = new float[n * row.length];
    for (int i = 0; i < n; i++) {
      System.arraycopy(row, 0, out, i * row.length, row.length);
    }
    return out;
  }
}
