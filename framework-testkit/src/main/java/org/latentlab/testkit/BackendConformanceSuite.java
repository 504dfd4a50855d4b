package org.latentlab.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.latentlab.testkit.BackendHarness.awayFromZero;
import static org.latentlab.testkit.BackendHarness.random;
import static org.latentlab.testkit.HostAsserts.assertClose;
import static org.latentlab.testkit.HostAsserts.map;
import static org.latentlab.testkit.HostAsserts.s;
import static org.latentlab.testkit.HostAsserts.t;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.latentlab.api.nn.BatchNorm;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.nn.ConvTranspose2d;
import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.nn.GradientReversal;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterGroup;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Losses;
import org.latentlab.api.train.OptimizerSpec;
import org.latentlab.api.train.Trainer;
import org.latentlab.api.train.TrainingProgram;
import org.latentlab.api.train.TrainingStep;

/**
 * The backend conformance suite. A backend (ours or a third party's) runs all of it by extending
 * this class in its tests and naming its backend and capabilities:
 *
 * <pre>{@code
 * class MyBackendConformanceTest extends BackendConformanceSuite {
 *   protected Backend createBackend() { return new MyBackendProvider().create(new MyParameters(null)); }
 *   protected Set<Capability> capabilities() { return new MyBackendProvider().capabilities(); }
 * }
 * }</pre>
 *
 * It checks every op's values against known answers, gradients against central finite
 * differences, the layers against naive host references ({@link ReferenceOps}), each optimizer's
 * update against a hand computation, the training-step contract (parameter groups, state updates,
 * reported losses), state round trips and determinism. Everything is observed through the public API
 * only. Capability-gated tests ({@link #capabilityGatedTests()}) skip themselves, with the reason, where
 * the backend lacks the capability; {@link #skippedTests()} lets a backend skip others, with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BackendConformanceSuite {
  private Backend backend;
  private BackendHarness h;

  /** The backend under test; created once, closed after the suite. */
  protected abstract Backend createBackend();

  /** The capabilities the backend declares (usually its provider's {@code capabilities()}). */
  protected abstract Set<Capability> capabilities();

  /**
   * Tests this backend skips, by method name, each with its reason (a known gap). Capability-gated
   * tests need no entry: they skip themselves where the capability is missing. Default: none.
   */
  protected Map<String, String> skippedTests() {
    return Map.of();
  }

  /** The capability-gated tests of the suite, by method name, with the capability each one needs. */
  public static Map<String, Capability> capabilityGatedTests() {
    return Map.of(
        "inputGradientsOfInferenceFunctions", Capability.INPUT_GRADIENTS,
        "higherOrderGradientsInsideATrainingStep", Capability.HIGHER_ORDER_GRADIENTS,
        "higherOrderGradientsThroughConvolutionsAndActivations", Capability.HIGHER_ORDER_GRADIENTS,
        "higherOrderGradientsWithRespectToALayersOutput", Capability.HIGHER_ORDER_GRADIENTS);
  }

  @BeforeAll
  void openBackend() {
    backend = createBackend();
    h = new BackendHarness(backend);
  }

  @AfterAll
  void closeBackend() {
    backend.close();
  }

  @BeforeEach
  void skipListedTests(TestInfo info) {
    info.getTestMethod().map(Method::getName).map(skippedTests()::get)
        .ifPresent(reason -> Assumptions.abort("skipped by the backend: " + reason));
  }

  private void assumeCapability(Capability capability) {
    Assumptions.assumeTrue(capabilities().contains(capability),
        "skipped: the backend lacks the capability '" + capability.id() + "'");
  }

  private void assertGradientsMatch(BiFunction<Ops, List<Tensor>, Tensor> f, HostTensor... points) {
    List<HostTensor> analytic = h.gradients(f, points);
    List<HostTensor> numeric = h.numericGradients(f, 1e-2, points);
    for (int i = 0; i < points.length; i++) {
      assertClose(analytic.get(i), numeric.get(i), 2e-2);
    }
  }

  /** Forward values of every op against hand-computed answers. */
  @Nested
  class OpValues {
    private final HostTensor a = t(s(2, 3), 1, -2, 3, -4, 5, -6);
    private final HostTensor row = t(s(1, 3), 10, 20, 30);

    @Test
    void elementwiseArithmeticBroadcasts() {
      assertClose(h.eval2((o, x) -> o.math().add(x.get(0), x.get(1)), a, row), t(s(2, 3), 11, 18, 33, 6, 25, 24), 1e-6);
      assertClose(h.eval2((o, x) -> o.math().sub(x.get(0), x.get(1)), a, row), t(s(2, 3), -9, -22, -27, -14, -15, -36), 1e-6);
      assertClose(h.eval2((o, x) -> o.math().mul(x.get(0), x.get(1)), a, row), t(s(2, 3), 10, -40, 90, -40, 100, -180), 1e-6);
      assertClose(h.eval2((o, x) -> o.math().div(x.get(0), x.get(1)), a, row), t(s(2, 3), .1f, -.1f, .1f, -.4f, .25f, -.2f), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().neg(x), a), t(s(2, 3), -1, 2, -3, 4, -5, 6), 0);
      assertClose(h.eval1((o, x) -> o.math().scale(x, 2), a), t(s(2, 3), 2, -4, 6, -8, 10, -12), 0);
      assertClose(h.eval1((o, x) -> o.math().addScalar(x, 1), a), t(s(2, 3), 2, -1, 4, -3, 6, -5), 0);
    }

    @Test
    void unaryMath() {
      HostTensor p = t(s(3), 0.25f, 1, 4);
      assertClose(h.eval1((o, x) -> o.math().exp(x), p), t(s(3), (float) Math.exp(.25), (float) Math.E, (float) Math.exp(4)), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().log(x), p), t(s(3), (float) Math.log(.25), 0, (float) Math.log(4)), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().sqrt(x), p), t(s(3), .5f, 1, 2), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().square(x), p), t(s(3), .0625f, 1, 16), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().abs(x), a), t(s(2, 3), 1, 2, 3, 4, 5, 6), 0);
      assertClose(h.eval1((o, x) -> o.math().clip(x, -3, 2), a), t(s(2, 3), 1, -2, 2, -3, 2, -3), 0);
    }

    @Test
    void comparisons() {
      HostTensor b = t(s(2, 3), 0, 0, 5, 0, 0, 0);
      assertClose(h.eval2((o, x) -> o.math().maximum(x.get(0), x.get(1)), a, b), t(s(2, 3), 1, 0, 5, 0, 5, 0), 0);
      assertClose(h.eval2((o, x) -> o.math().minimum(x.get(0), x.get(1)), a, b), t(s(2, 3), 0, -2, 3, -4, 0, -6), 0);
      assertClose(h.eval2((o, x) -> o.math().greater(x.get(0), x.get(1)), a, b), t(s(2, 3), 1, 0, 0, 0, 1, 0), 0);
    }

    @Test
    void matmulAndReductions() {
      HostTensor m = t(s(3, 2), 1, 2, 3, 4, 5, 6);
      assertClose(h.eval2((o, x) -> o.math().matmul(x.get(0), x.get(1)), a, m), t(s(2, 2), 10, 12, -19, -24), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().sum(x), a), t(s(), -3), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().sum(x, false, 1), a), t(s(2), 2, -5), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().sum(x, true, 0), a), t(s(1, 3), -3, 3, -3), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().mean(x), a), t(s(), -.5f), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().mean(x, true, 1), a), t(s(2, 1), 2f / 3, -5f / 3), 1e-6);
      assertClose(h.eval1((o, x) -> o.math().max(x, false, 0), a), t(s(3), 1, 5, 3), 0);
      assertClose(h.eval1((o, x) -> o.math().max(x), a), t(s(), 5), 0);
      HostTensor cube = random(3, -1, 1, 2, 3, 4);
      HostTensor byChannel = h.eval1((o, x) -> o.math().mean(x, true, 0, 2), cube);
      assertThat(byChannel.shape()).containsExactly(1, 3, 1);
      for (int c = 0; c < 3; c++) {
        double sum = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < 2; n++) {
          for (int k = 0; k < 4; k++) {
            sum += cube.data()[(n * 3 + c) * 4 + k];
            best = Math.max(best, cube.data()[(n * 3 + c) * 4 + k]);
          }
        }
        assertThat((double) byChannel.data()[c]).isCloseTo(sum / 8, within(1e-6));
        assertThat((double) h.eval1((o, x) -> o.math().max(x, false, 0, 2), cube).data()[c]).isEqualTo(best);
      }
    }

    @Test
    void activations() {
      HostTensor x = t(s(4), -2, -0.5f, 0.5f, 30);
      assertClose(h.eval1((o, v) -> o.nn().relu(v), x), t(s(4), 0, 0, .5f, 30), 0);
      assertClose(h.eval1((o, v) -> o.nn().leakyRelu(v, 0.1f), x), t(s(4), -.2f, -.05f, .5f, 30), 1e-6);
      assertClose(h.eval1((o, v) -> o.nn().sigmoid(v), x), map(x, v -> 1 / (1 + Math.exp(-v))), 1e-6);
      assertClose(h.eval1((o, v) -> o.nn().tanh(v), x), map(x, Math::tanh), 1e-6);
      assertClose(h.eval1((o, v) -> o.nn().softplus(v), t(s(4), -40, -1, 1, 100)),
          t(s(4), (float) Math.log1p(Math.exp(-40)), (float) Math.log1p(Math.exp(-1)), (float) Math.log1p(Math.E), 100), 1e-6);
    }

    @Test
    void softmaxAndLogSoftmaxAreStable() {
      HostTensor x = t(s(2, 3), 1, 2, 3, 1000, 1000, 1000);
      double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
      HostTensor expected = t(s(2, 3), (float) (Math.exp(1) / z), (float) (Math.exp(2) / z), (float) (Math.exp(3) / z),
          1f / 3, 1f / 3, 1f / 3);
      assertClose(h.eval1((o, v) -> o.nn().softmax(v, 1), x), expected, 1e-6);
      assertClose(h.eval1((o, v) -> o.nn().logSoftmax(v, 1), x), map(expected, Math::log), 1e-5);
    }

    @Test
    void convolutionMatchesTheReference() {
      for (int[] cfg : new int[][] {{3, 1, 0}, {3, 1, 1}, {4, 2, 1}, {2, 2, 0}, {5, 3, 2}}) {
        HostTensor x = random(cfg[0], -1, 1, 2, 3, 9, 9);
        HostTensor w = random(cfg[0] + 10, -1, 1, 4, 3, cfg[0], cfg[0]);
        assertClose(h.eval2((o, v) -> o.nn().conv2d(v.get(0), v.get(1), cfg[1], cfg[2]), x, w),
            ReferenceOps.conv2d(x, w, cfg[1], cfg[2]), 1e-4);
      }
    }

    @Test
    void transposedConvolutionMatchesTheReferenceForAnyGeometry() {
      for (int[] cfg : new int[][] {{4, 2, 1, 0}, {4, 2, 1, 1}, {3, 1, 1, 0}, {3, 2, 0, 1}, {5, 3, 2, 2}, {2, 2, 0, 0},
          {1, 1, 0, 0}, {3, 2, 2, 0}}) {
        HostTensor x = random(cfg[0] * 7 + cfg[1], -1, 1, 2, 3, 5, 4);
        HostTensor w = random(cfg[0] + 20, -1, 1, 3, 2, cfg[0], cfg[0]);
        assertClose(h.eval2((o, v) -> o.nn().convTranspose2d(v.get(0), v.get(1), cfg[1], cfg[2], cfg[3]), x, w),
            ReferenceOps.convTranspose2d(x, w, cfg[1], cfg[2], cfg[3]), 1e-4);
      }
    }

    @Test
    void poolingMatchesTheReference() {
      HostTensor x = random(4, -1, 1, 2, 2, 7, 7);
      for (int[] cfg : new int[][] {{2, 2, 0}, {3, 2, 1}, {3, 1, 0}}) {
        assertClose(h.eval1((o, v) -> o.nn().maxPool2d(v, cfg[0], cfg[1], cfg[2]), x),
            ReferenceOps.pool2d(x, cfg[0], cfg[1], cfg[2], true), 1e-6);
        assertClose(h.eval1((o, v) -> o.nn().avgPool2d(v, cfg[0], cfg[1], cfg[2]), x),
            ReferenceOps.pool2d(x, cfg[0], cfg[1], cfg[2], false), 1e-5);
      }
    }

    @Test
    void shapeOps() {
      assertClose(h.eval1((o, v) -> o.shape().reshape(v, 3, -1), a), t(s(3, 2), 1, -2, 3, -4, 5, -6), 0);
      assertClose(h.eval1((o, v) -> o.shape().transpose(v, 1, 0), a), t(s(3, 2), 1, -4, -2, 5, 3, -6), 0);
      assertClose(h.eval2((o, v) -> o.shape().concat(v, 0), a, row), t(s(3, 3), 1, -2, 3, -4, 5, -6, 10, 20, 30), 0);
      assertClose(h.eval2((o, v) -> o.shape().concat(v, 1), t(s(1, 2), 1, 2), t(s(1, 1), 3)), t(s(1, 3), 1, 2, 3), 0);
      assertClose(h.eval1((o, v) -> o.shape().slice(v, new int[] {1, 1}, new int[] {1, -1}), a), t(s(1, 2), 5, -6), 0);
      assertClose(h.eval1((o, v) -> o.shape().pad(v, new int[] {0, 1}, new int[] {1, 0}), t(s(1, 2), 1, 2)),
          t(s(2, 3), 0, 1, 2, 0, 0, 0), 0);
      assertClose(h.eval1((o, v) -> o.shape().oneHot(v, 3), t(s(3), 2, 0, 1)), t(s(3, 3), 0, 0, 1, 1, 0, 0, 0, 1, 0), 0);
      assertClose(h.eval1((o, v) -> o.shape().flatten(v), random(1, 0, 1, 2, 2, 2)), random(1, 0, 1, 2, 4), 0);
    }

    @Test
    void constantsAndStopGradientKeepValues() {
      assertClose(h.eval(o -> o.math().add(o.constant(a), o.scalar(1))), t(s(2, 3), 2, -1, 4, -3, 6, -5), 0);
      assertClose(h.eval1(Ops::stopGradient, a), a, 0);
    }

    @Test
    void randomOpsHaveTheirDistributionAndFollowTheSeed() {
      HostTensor n1 = h.eval(o -> o.random().normal(1, 2, 20000));
      HostTensor n2 = h.eval(o -> o.random().normal(1, 2, 20000));
      assertThat(n1).as("same session seed, same draw").isEqualTo(n2);
      double mean = 0;
      double sq = 0;
      for (float v : n1.data()) {
        mean += v;
        sq += v * v;
      }
      mean /= n1.size();
      double sd = Math.sqrt(sq / n1.size() - mean * mean);
      assertThat(mean).isCloseTo(1, within(0.05));
      assertThat(sd).isCloseTo(2, within(0.05));
      HostTensor u = h.eval(o -> o.random().uniform(-1, 3, 20000));
      double umean = 0;
      for (float v : u.data()) {
        assertThat(v).isBetween(-1f, 3f);
        umean += v / u.size();
      }
      assertThat(umean).isCloseTo(1, within(0.05));
      HostTensor pair = h.eval(o -> o.shape().concat(List.of(o.random().uniform(0, 1, 1, 50), o.random().uniform(0, 1, 1, 50)), 0));
      assertThat(java.util.Arrays.copyOfRange(pair.data(), 0, 50)).as("successive draws differ")
          .isNotEqualTo(java.util.Arrays.copyOfRange(pair.data(), 50, 100));
      assertThat(h.eval1((o, v) -> o.random().normalLike(v), a).shape()).containsExactly(2, 3);
      assertThat(h.eval1((o, v) -> o.random().uniformLike(v), a).shape()).containsExactly(2, 3);
    }

    @Test
    void losses() {
      HostTensor p = t(s(2, 2), 0.5f, 1, 0, 2);
      HostTensor q = t(s(2, 2), 1, 1, 1, 1);
      assertClose(h.eval2((o, v) -> o.losses().mse(v.get(0), v.get(1)), p, q), t(s(), 0.5625f), 1e-6);
      assertClose(h.eval1((o, v) -> o.losses().l1(v), a), t(s(), 3.5f), 1e-6);
      HostTensor logits = t(s(4), -30, -1, 0.5f, 40);
      HostTensor target = t(s(4), 0, 1, 0.3f, 1);
      double bce = 0;
      for (int i = 0; i < 4; i++) {
        double z = logits.data()[i];
        double y = target.data()[i];
        bce += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
      }
      assertClose(h.eval2((o, v) -> o.losses().binaryCrossEntropyWithLogits(v.get(0), v.get(1)), logits, target),
          t(s(), (float) (bce / 4)), 1e-6);
      HostTensor l = t(s(2, 3), 1, 2, 3, 0, 0, 5);
      double z0 = Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3));
      double z1 = Math.log(2 + Math.exp(5));
      float ce = (float) (((z0 - 2) + (z1 - 5)) / 2);
      assertClose(h.eval2((o, v) -> o.losses().sparseSoftmaxCrossEntropy(v.get(0), v.get(1)), l, t(s(2), 1, 2)),
          t(s(), ce), 1e-5);
      assertClose(h.eval2((o, v) -> o.losses().softmaxCrossEntropy(v.get(0), v.get(1)), l, t(s(2, 3), 0, 1, 0, 0, 0, 1)),
          t(s(), ce), 1e-5);
    }
  }

  /** Gradients against central finite differences. */
  @Nested
  class Gradients {
    private final HostTensor x = awayFromZero(1, 2, 3);
    private final HostTensor y = awayFromZero(2, 2, 3);
    private final HostTensor pos = random(3, 0.5f, 2, 2, 3);

    private Tensor weighted(Ops o, Tensor v) {
      // A fixed, non-uniform weighting so that every element's gradient differs.
      int[] shape = v.shape();
      return o.math().sum(o.math().mul(v, o.constant(random(99, 0.5f, 1.5f, shape))));
    }

    @Test
    void arithmetic() {
      assertGradientsMatch((o, v) -> weighted(o, o.math().add(v.get(0), v.get(1))), x, t(s(1, 3), 1, 2, 3));
      assertGradientsMatch((o, v) -> weighted(o, o.math().sub(v.get(0), v.get(1))), x, y);
      assertGradientsMatch((o, v) -> weighted(o, o.math().mul(v.get(0), v.get(1))), x, y);
      assertGradientsMatch((o, v) -> weighted(o, o.math().div(v.get(0), v.get(1))), x, pos);
      assertGradientsMatch((o, v) -> weighted(o, o.math().scale(o.math().addScalar(o.math().neg(v.get(0)), 2), 3)), x);
    }

    @Test
    void unary() {
      assertGradientsMatch((o, v) -> weighted(o, o.math().exp(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.math().log(v.get(0))), pos);
      assertGradientsMatch((o, v) -> weighted(o, o.math().sqrt(v.get(0))), pos);
      assertGradientsMatch((o, v) -> weighted(o, o.math().square(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.math().abs(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.math().clip(v.get(0), -0.9f, 0.9f)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.math().maximum(v.get(0), v.get(1))), x, y);
      assertGradientsMatch((o, v) -> weighted(o, o.math().minimum(v.get(0), v.get(1))), x, y);
    }

    @Test
    void matmulAndReductions() {
      assertGradientsMatch((o, v) -> weighted(o, o.math().matmul(v.get(0), v.get(1))), x, awayFromZero(4, 3, 2));
      assertGradientsMatch((o, v) -> weighted(o, o.math().sum(v.get(0), true, 1)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.math().mean(v.get(0), false, 0)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.math().max(v.get(0), false, 1)), x);
    }

    @Test
    void activations() {
      assertGradientsMatch((o, v) -> weighted(o, o.nn().relu(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().leakyRelu(v.get(0), 0.2f)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().sigmoid(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().tanh(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().softplus(v.get(0))), x);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().softmax(v.get(0), 1)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().logSoftmax(v.get(0), 1)), x);
    }

    @Test
    void convolutionsAndPooling() {
      HostTensor img = awayFromZero(5, 1, 2, 5, 5);
      assertGradientsMatch((o, v) -> weighted(o, o.nn().conv2d(v.get(0), v.get(1), 2, 1)), img, awayFromZero(6, 3, 2, 3, 3));
      assertGradientsMatch((o, v) -> weighted(o, o.nn().convTranspose2d(v.get(0), v.get(1), 2, 1, 1)),
          awayFromZero(7, 1, 2, 3, 3), awayFromZero(8, 2, 3, 4, 4));
      assertGradientsMatch((o, v) -> weighted(o, o.nn().maxPool2d(v.get(0), 2, 2, 0)), random(9, -1, 1, 1, 1, 4, 4));
      assertGradientsMatch((o, v) -> weighted(o, o.nn().avgPool2d(v.get(0), 3, 2, 1)), img);
    }

    @Test
    void shapeOps() {
      assertGradientsMatch((o, v) -> weighted(o, o.shape().reshape(v.get(0), 3, 2)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.shape().transpose(v.get(0), 1, 0)), x);
      assertGradientsMatch((o, v) -> weighted(o, o.shape().concat(List.of(v.get(0), v.get(1)), 1)), x, y);
      assertGradientsMatch((o, v) -> weighted(o, o.shape().slice(v.get(0), new int[] {0, 1}, new int[] {2, 2})), x);
      assertGradientsMatch((o, v) -> weighted(o, o.shape().pad(v.get(0), new int[] {1, 0}, new int[] {0, 2})), x);
    }

    @Test
    void lossesAndStopGradient() {
      assertGradientsMatch((o, v) -> o.losses().mse(v.get(0), v.get(1)), x, y);
      assertGradientsMatch((o, v) -> o.losses().l1(v.get(0)), x);
      assertGradientsMatch((o, v) -> o.losses().binaryCrossEntropyWithLogits(v.get(0), o.constant(random(3, 0, 1, 2, 3))), x);
      assertGradientsMatch((o, v) -> o.losses().sparseSoftmaxCrossEntropy(v.get(0), o.constant(t(s(2), 2, 0))), x);
      List<HostTensor> g = h.gradients((o, v) -> o.math().sum(o.math().mul(v.get(0), o.stopGradient(v.get(0)))), x);
      assertClose(g.get(0), x, 1e-5);
    }
  }

  /** The layers of the API. */
  @Nested
  class Layers {
    @Test
    void denseComputesXwPlusB() {
      ParameterStore store = new ParameterStore(1);
      Dense dense = new Dense(Scope.root(store).child("d"), 3, 2);
      HostTensor x = random(2, -1, 1, 4, 3);
      HostTensor w = store.get("d/weight").initialValue();
      float[] expected = new float[8];
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < 2; j++) {
          for (int k = 0; k < 3; k++) {
            expected[i * 2 + j] += x.data()[i * 3 + k] * w.data()[k * 2 + j];
          }
        }
      }
      assertClose(run(store, (o, v) -> dense.apply(o, v), x), t(s(4, 2), expected), 1e-5);
    }

    @Test
    void convLayersMatchTheReferenceAndTheirOutputSizes() {
      ParameterStore store = new ParameterStore(2);
      Conv2d conv = new Conv2d(Scope.root(store).child("c"), 2, 3, 4, 2, 1);
      ConvTranspose2d up = new ConvTranspose2d(Scope.root(store).child("u"), 3, 2, 4, 2, 1, 1, Initializers.glorotNormal());
      HostTensor x = random(3, 0, 1, 2, 2, 9, 9);
      HostTensor y = run(store, (o, v) -> conv.apply(o, v), x);
      assertClose(y, ReferenceOps.conv2d(x, store.get("c/weight").initialValue(), 2, 1), 1e-4);
      assertThat(y.shape()[2]).isEqualTo(conv.outputSize(9));
      HostTensor z = run(store, (o, v) -> up.apply(o, v), y);
      assertClose(z, ReferenceOps.convTranspose2d(y, store.get("u/weight").initialValue(), 2, 1, 1), 1e-4);
      assertThat(z.shape()[2]).isEqualTo(up.outputSize(y.shape()[2])).isEqualTo(9);
    }

    @Test
    void convolutionLayersWithBiasMatchTheReferenceForSeveralGeometries() {
      // {kernel, stride, padding, outputPadding}
      for (int[] g : new int[][] {{4, 2, 1, 0}, {4, 2, 1, 1}, {3, 1, 1, 0}, {3, 2, 0, 1}, {5, 3, 2, 2}, {2, 2, 0, 0},
          {1, 1, 0, 0}, {3, 3, 1, 2}}) {
        ParameterStore store = new ParameterStore(g[0] * 31L + g[1] * 7L + g[2] * 3L + g[3]);
        ConvTranspose2d up = new ConvTranspose2d(Scope.root(store).child("u"), 2, 3, g[0], g[1], g[2], g[3],
            Initializers.glorotNormal());
        Conv2d conv = new Conv2d(Scope.root(store).child("c"), 3, 2, g[0], g[1], g[2]);
        HostTensor x = random(g[0] + 40L * g[1], -1, 1, 2, 2, 5, 4);
        HostTensor upBias = t(s(3), 0.5f, -1, 2);
        HostTensor convBias = t(s(2), 0.25f, -0.75f);
        try (ComputeSession session = backend.open(store, 0)) {
          session.writeState(Map.of("u/bias", upBias, "c/bias", convBias));
          HostTensor y = session.compile((o, in) -> Map.of("y", up.apply(o, in.get("x")))).apply(Map.of("x", x)).get("y");
          HostTensor expectedY = ReferenceOps.addChannelBias(
              ReferenceOps.convTranspose2d(x, store.get("u/weight").initialValue(), g[1], g[2], g[3]), upBias);
          assertClose(y, expectedY, 1e-4);
          assertThat(y.shape()).as("geometry %s", java.util.Arrays.toString(g))
              .containsExactly(2, 3, up.outputSize(5), up.outputSize(4));
          HostTensor z = session.compile((o, in) -> Map.of("z", conv.apply(o, in.get("y")))).apply(Map.of("y", y)).get("z");
          assertClose(z, ReferenceOps.addChannelBias(
              ReferenceOps.conv2d(y, store.get("c/weight").initialValue(), g[1], g[2]), convBias), 1e-4);
          assertThat(z.shape()[2]).isEqualTo(conv.outputSize(y.shape()[2]));
        }
      }
    }

    @Test
    void sequentialAppliesItsLayersInOrder() {
      ParameterStore store = new ParameterStore(5);
      Dense first = new Dense(Scope.root(store).child("l1"), 3, 4);
      Dense second = new Dense(Scope.root(store).child("l2"), 4, 2);
      Sequential net = Sequential.of(first, Activation.relu(), second, Activation.tanh());
      HostTensor x = random(8, -1, 1, 5, 3);
      HostTensor b1 = t(s(4), 0.1f, -0.2f, 0.3f, -0.4f);
      HostTensor b2 = t(s(2), 0.5f, -0.5f);
      HostTensor hidden = map(ReferenceOps.addChannelBias(ReferenceOps.matmul(x, store.get("l1/weight").initialValue()), b1),
          v -> Math.max(v, 0));
      HostTensor expected = map(ReferenceOps.addChannelBias(
          ReferenceOps.matmul(hidden, store.get("l2/weight").initialValue()), b2), Math::tanh);
      try (ComputeSession session = backend.open(store, 0)) {
        session.writeState(Map.of("l1/bias", b1, "l2/bias", b2));
        Map<String, HostTensor> out = session.compile((o, in) -> {
          List<Tensor> all = net.applyAll(o, in.get("x"));
          return Map.of("y", net.apply(o, in.get("x")), "hidden", all.get(1), "last", all.get(3));
        }).apply(Map.of("x", x));
        assertClose(out.get("y"), expected, 1e-5);
        assertClose(out.get("hidden"), hidden, 1e-5);
        assertClose(out.get("last"), expected, 1e-5);
        assertThat(net.size()).isEqualTo(4);
      }
    }

    /**
     * One SGD step (lr 1) on {@code sum(bn(x) * c)} over gamma and beta: the reported objective shows
     * the training-mode output (batch statistics), the updates show the gradients, and the running
     * statistics move by the momentum; afterwards inference uses the running statistics.
     */
    @Test
    void batchNormUsesBatchStatisticsInTrainingAndRunningOnesInInference() {
      ParameterStore store = new ParameterStore(3);
      BatchNorm bn = new BatchNorm(Scope.root(store).child("bn"), 2);
      HostTensor x = random(4, 1, 3, 8, 2, 3, 3);
      HostTensor c = random(5, -1, 1, 8, 2, 3, 3);
      TrainingStep step = new TrainingStep("bn", (o, b) -> Losses.of(
          o.math().sum(o.math().mul(bn.apply(o, b.get("x")), b.get("c")))),
          ParameterGroup.under("bn/"), new OptimizerSpec.Sgd(1, 0, 0));
      double[][] moments = ReferenceOps.channelMoments(x);
      double[] ones = {1, 1};
      double[] zeros = {0, 0};
      HostTensor normalised = ReferenceOps.batchNorm(x, moments[0], moments[1], ones, zeros, 1e-5);
      double objective = 0;
      double[] dGamma = new double[2];
      double[] dBeta = new double[2];
      for (int i = 0; i < x.size(); i++) {
        int ch = (i / 9) % 2;
        objective += normalised.data()[i] * c.data()[i];
        dGamma[ch] += normalised.data()[i] * c.data()[i];
        dBeta[ch] += c.data()[i];
      }
      try (ComputeSession session = backend.open(store, 0)) {
        HostTensor before = session.compile((o, in) -> Map.of("y", bn.apply(o, in.get("x")))).apply(Map.of("x", x)).get("y");
        assertClose(before, map(x, v -> v / Math.sqrt(1 + 1e-5)), 1e-5);
        float reported = session.trainer(TrainingProgram.single(step)).step("bn", Map.of("x", x, "c", c)).get(Losses.OBJECTIVE);
        assertThat((double) reported).isCloseTo(objective, within(1e-3));
        Map<String, HostTensor> state = session.readState();
        double[] gamma = {1 - dGamma[0], 1 - dGamma[1]};
        double[] beta = {-dBeta[0], -dBeta[1]};
        assertClose(state.get("bn/gamma"), t(s(2), (float) gamma[0], (float) gamma[1]), 1e-4);
        assertClose(state.get("bn/beta"), t(s(2), (float) beta[0], (float) beta[1]), 1e-4);
        double[] runningMean = {0.1 * moments[0][0], 0.1 * moments[0][1]};
        double[] runningVar = {0.9 + 0.1 * moments[1][0], 0.9 + 0.1 * moments[1][1]};
        assertClose(state.get("bn/running_mean"), t(s(2), (float) runningMean[0], (float) runningMean[1]), 1e-5);
        assertClose(state.get("bn/running_var"), t(s(2), (float) runningVar[0], (float) runningVar[1]), 1e-5);
        HostTensor after = session.compile((o, in) -> Map.of("y", bn.apply(o, in.get("x")))).apply(Map.of("x", x)).get("y");
        assertClose(after, ReferenceOps.batchNorm(x, runningMean, runningVar, gamma, beta, 1e-5), 1e-4);
      }
    }

    /**
     * Gradient reversal (Ganin &amp; Lempitsky 2015) inside a training step: the forward value is {@code x}
     * exactly, and the gradient reaching {@code x} through it is {@code -lambda} times the one above it, for a
     * constant {@code lambda} and for one given as a tensor.
     */
    @Test
    void gradientReversalKeepsTheValueAndFlipsAndScalesTheGradient() {
      HostTensor x = random(21, -1, 1, 2, 3);
      HostTensor w = random(22, 0.5f, 1.5f, 2, 3);
      assertThat(h.eval1((o, v) -> new GradientReversal(0.7f).apply(o, v), x).data()).containsExactly(x.data());
      BiFunction<Ops, List<Tensor>, Tensor> plain = (o, v) -> o.math().sum(o.math().mul(v.get(0), o.constant(w)));
      HostTensor g = h.gradients(plain, x).get(0);
      for (float lambda : new float[] {1f, 0.25f}) {
        HostTensor reversed = h.gradients((o, v) -> plain.apply(o, List.of(new GradientReversal(lambda).apply(o, v.get(0)))),
            x).get(0);
        assertClose(reversed, map(g, v -> -lambda * v), 1e-5);
      }
      HostTensor byTensor = h.gradients((o, v) -> plain.apply(o,
          List.of(GradientReversal.apply(o, v.get(0), o.constant(t(s(), 0.5f))))), x).get(0);
      assertClose(byTensor, map(g, v -> -0.5 * v), 1e-5);
    }

    private HostTensor run(ParameterStore store, BiFunction<Ops, Tensor, Tensor> f, HostTensor x) {
      try (ComputeSession session = backend.open(store, 0)) {
        return session.compile((o, in) -> Map.of("y", f.apply(o, in.get("x")))).apply(Map.of("x", x)).get("y");
      }
    }
  }

  /** Each optimizer's update against a hand computation. */
  @Nested
  class Optimizers {
    private final float[] c = {0.5f, -1.5f, 2};
    private final float[] w0 = {1, 2, 3};

    /** Three steps on {@code loss = sum(c * w)}, whose gradient is the constant {@code c}. */
    private float[] train(OptimizerSpec spec, int steps) {
      ParameterStore store = new ParameterStore(0);
      store.trainable("w", s(3), (shape, fi, fo, r) -> w0.clone(), 1, 1);
      TrainingStep step = new TrainingStep("opt", (o, b) -> Losses.of(o.math().sum(o.math().mul(o.param("w"), o.constant(t(s(3), c))))),
          ParameterGroup.all(), spec);
      try (ComputeSession session = backend.open(store, 0)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        for (int i = 0; i < steps; i++) {
          trainer.step("opt", Map.of());
        }
        return session.readState().get("w").data();
      }
    }

    @Test
    void sgdWithMomentum() {
      double lr = 0.1;
      double mu = 0.9;
      float[] w = train(new OptimizerSpec.Sgd(lr, mu, 0), 3);
      for (int i = 0; i < 3; i++) {
        // v1 = c, v2 = (1 + mu) c, v3 = (1 + mu + mu^2) c
        double expected = w0[i] - lr * c[i] * (1 + (1 + mu) + (1 + mu + mu * mu));
        assertThat((double) w[i]).isCloseTo(expected, within(1e-5));
      }
    }

    @Test
    void adamWithBiasCorrection() {
      double lr = 0.01;
      double b1 = 0.9;
      double b2 = 0.999;
      double eps = 1e-8;
      float[] w = train(new OptimizerSpec.Adam(lr, b1, b2, eps, 0), 3);
      for (int i = 0; i < 3; i++) {
        double p = w0[i];
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 3; t++) {
          m = b1 * m + (1 - b1) * c[i];
          v = b2 * v + (1 - b2) * c[i] * c[i];
          p -= lr * (m / (1 - Math.pow(b1, t))) / (Math.sqrt(v / (1 - Math.pow(b2, t))) + eps);
        }
        assertThat((double) w[i]).isCloseTo(p, within(1e-5));
      }
    }

    @Test
    void sgdWithWeightDecay() {
      float[] w = train(new OptimizerSpec.Sgd(0.1, 0, 0.5), 1);
      for (int i = 0; i < 3; i++) {
        assertThat((double) w[i]).isCloseTo(w0[i] - 0.1 * (c[i] + 0.5 * w0[i]), within(1e-6));
      }
    }

    @Test
    void adamWithWeightDecayAndSeveralParameters() {
      ParameterStore store = new ParameterStore(0);
      store.trainable("a", s(3), (shape, fi, fo, r) -> w0.clone(), 1, 1);
      store.trainable("b", s(2, 1), (shape, fi, fo, r) -> new float[] {-1, 4}, 1, 1);
      OptimizerSpec.Adam spec = new OptimizerSpec.Adam(0.05, 0.8, 0.9, 1e-6, 0.1);
      TrainingStep step = new TrainingStep("opt", (o, b) -> {
        MathOps m = o.math();
        Tensor la = m.sum(m.mul(o.param("a"), o.constant(t(s(3), c))));
        return Losses.of(m.add(la, m.sum(m.square(o.param("b")))));
      }, ParameterGroup.all(), spec);
      double[] p = {w0[0], w0[1], w0[2], -1, 4};
      double[] mo = new double[5];
      double[] ve = new double[5];
      try (ComputeSession session = backend.open(store, 0)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        for (int t = 1; t <= 3; t++) {
          trainer.step("opt", Map.of());
          for (int i = 0; i < 5; i++) {
            double g = (i < 3 ? c[i] : 2 * p[i]) + 0.1 * p[i];
            mo[i] = 0.8 * mo[i] + 0.2 * g;
            ve[i] = 0.9 * ve[i] + 0.1 * g * g;
            p[i] -= 0.05 * (mo[i] / (1 - Math.pow(0.8, t))) / (Math.sqrt(ve[i] / (1 - Math.pow(0.9, t))) + 1e-6);
          }
        }
        Map<String, HostTensor> state = session.readState();
        assertClose(state.get("a"), t(s(3), (float) p[0], (float) p[1], (float) p[2]), 1e-5);
        assertClose(state.get("b"), t(s(2, 1), (float) p[3], (float) p[4]), 1e-5);
        assertClose(state.get("optimizer/opt/b/m"), t(s(2, 1), (float) mo[3], (float) mo[4]), 1e-5);
        assertThat(state.get("optimizer/opt/t").item()).isEqualTo(3f);
      }
    }

    /**
     * Two steps over disjoint groups of one loss, as in a GAN: each step's update must come from its own
     * gradient only (no gradient left over from the other step).
     */
    @Test
    void stepsOfDifferentGroupsUseOnlyTheirOwnGradients() {
      ParameterStore store = new ParameterStore(0);
      store.trainable("a/w", s(2), (shape, fi, fo, r) -> new float[] {1, 2}, 1, 1);
      store.trainable("b/w", s(2), (shape, fi, fo, r) -> new float[] {3, -1}, 1, 1);
      org.latentlab.api.train.LossFunction product =
          (o, b) -> Losses.of(o.math().sum(o.math().mul(o.param("a/w"), o.param("b/w"))));
      OptimizerSpec sgd = new OptimizerSpec.Sgd(1, 0, 0);
      TrainingProgram program = new TrainingProgram(List.of(
          new TrainingStep("first", product, ParameterGroup.under("a/"), sgd),
          new TrainingStep("second", product, ParameterGroup.under("b/"), sgd)), List.of(1, 1));
      try (ComputeSession session = backend.open(store, 0)) {
        Trainer trainer = session.trainer(program);
        for (int round = 0; round < 2; round++) {
          trainer.step("first", Map.of());
          trainer.step("second", Map.of());
        }
        // a1 = a0 - b0 = (-2, 3); b1 = b0 - a1 = (5, -4); a2 = a1 - b1 = (-7, 7); b2 = b1 - a2 = (12, -11)
        Map<String, HostTensor> state = session.readState();
        assertClose(state.get("a/w"), t(s(2), -7, 7), 0);
        assertClose(state.get("b/w"), t(s(2), 12, -11), 0);
      }
    }

    @Test
    void aStepLeavesParametersOutsideItsGroupUntouched() {
      ParameterStore store = new ParameterStore(0);
      store.trainable("a/w", s(2), Initializers.ones(), 1, 1);
      store.trainable("b/w", s(2), Initializers.ones(), 1, 1);
      TrainingStep step = new TrainingStep("a", (o, b) -> Losses.of(o.math().sum(o.math().mul(o.param("a/w"), o.param("b/w")))),
          ParameterGroup.under("a/"), new OptimizerSpec.Sgd(0.5, 0, 0));
      try (ComputeSession session = backend.open(store, 0)) {
        session.trainer(TrainingProgram.single(step)).step("a", Map.of());
        Map<String, HostTensor> state = session.readState();
        assertClose(state.get("a/w"), t(s(2), 0.5f, 0.5f), 1e-6);
        assertClose(state.get("b/w"), t(s(2), 1, 1), 0);
      }
    }

    @Test
    void aParameterOfTheGroupTheLossNeverReadsIsLeftAsItWas() {
      // Fine-tuning an encoder with every parameter in the group: the decoder's get no gradient, not an error.
      ParameterStore store = new ParameterStore(0);
      store.trainable("encoder/w", s(2), Initializers.ones(), 1, 1);
      store.trainable("decoder/w", s(3), Initializers.ones(), 1, 1);
      store.trainable("unused-block/w", s(2), Initializers.ones(), 1, 1);
      TrainingStep step = new TrainingStep("fit", (o, b) -> {
        // The unused block is computed but does not reach the objective.
        o.math().mul(o.param("encoder/w"), o.param("unused-block/w"));
        return Losses.of(o.math().sum(o.math().square(o.param("encoder/w"))));
      }, ParameterGroup.all(), OptimizerSpec.Adam.of(0.1));
      try (ComputeSession session = backend.open(store, 0)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        trainer.step("fit", Map.of());
        trainer.step("fit", Map.of());
        Map<String, HostTensor> state = session.readState();
        // Adam (lr 0.1): 1 - 0.1 - 0.1 * 1.8947 / 1.9026 after gradients 2 and 1.8
        assertClose(state.get("encoder/w"), t(s(2), 0.800413f, 0.800413f), 2e-5);
        assertClose(state.get("decoder/w"), t(s(3), 1, 1, 1), 0);
        assertClose(state.get("unused-block/w"), t(s(2), 1, 1), 0);
      }
    }
  }

  /** State round trips and determinism. */
  @Nested
  class State {
    private TrainingStep noisyStep(Dense dense) {
      return new TrainingStep("fit", (o, b) -> {
        MathOps m = o.math();
        Tensor noisy = m.add(b.get("x"), m.scale(o.random().normalLike(b.get("x")), 0.1f));
        return Losses.of(o.losses().mse(dense.apply(o, noisy), b.get("x")));
      }, ParameterGroup.all(), OptimizerSpec.Adam.of(0.05));
    }

    @Test
    void writtenStateReadsBackAndDrivesTheFunctions() {
      ParameterStore store = new ParameterStore(4);
      Dense dense = new Dense(Scope.root(store).child("d"), 3, 3);
      HostTensor x = random(5, -1, 1, 4, 3);
      Map<String, HostTensor> trained;
      HostTensor out;
      try (ComputeSession session = backend.open(store, 4)) {
        Trainer trainer = session.trainer(TrainingProgram.single(noisyStep(dense)));
        for (int i = 0; i < 5; i++) {
          trainer.step("fit", Map.of("x", x));
        }
        trained = session.readState();
        out = session.compile((o, in) -> Map.of("y", dense.apply(o, in.get("x")))).apply(Map.of("x", x)).get("y");
      }
      assertThat(trained).containsKeys("d/weight", "d/bias", "optimizer/fit/t", "optimizer/fit/d/weight/m");
      assertThat(trained.get("optimizer/fit/t").item()).isEqualTo(5f);
      try (ComputeSession fresh = backend.open(store, 9)) {
        fresh.trainer(TrainingProgram.single(noisyStep(dense)));
        fresh.writeState(trained);
        assertThat(fresh.readState()).isEqualTo(trained);
        HostTensor again = fresh.compile((o, in) -> Map.of("y", dense.apply(o, in.get("x")))).apply(Map.of("x", x)).get("y");
        assertThat(again).isEqualTo(out);
      }
    }

    @Test
    void writeStateRejectsUnknownEntriesAndWrongShapesAndWritesNothingThen() {
      ParameterStore store = new ParameterStore(0);
      store.trainable("w", s(2), Initializers.ones(), 1, 1);
      try (ComputeSession session = backend.open(store, 0)) {
        assertThatThrownBy(() -> session.writeState(Map.of("nope", t(s(2), 1, 2))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> session.writeState(Map.of("w", t(s(3), 1, 2, 3))))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w");
        assertThat(session.readState().get("w")).isEqualTo(t(s(2), 1, 1));
      }
    }

    @Test
    void aStepReportsTheObjectiveAndTermsBeforeItsUpdateAndRunsInTrainingMode() {
      ParameterStore store = new ParameterStore(0);
      store.trainable("w", s(2), (shape, fi, fo, r) -> new float[] {1, 2}, 1, 1);
      TrainingStep step = new TrainingStep("report", (o, b) -> {
        Tensor loss = o.math().sum(o.math().square(o.param("w")));
        Map<String, Tensor> terms = new java.util.LinkedHashMap<>();
        terms.put("half", o.math().scale(loss, 0.5f));
        terms.put("training", o.scalar(o.training() ? 1 : 0));
        return new Losses(loss, terms);
      }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.25, 0, 0));
      try (ComputeSession session = backend.open(store, 0)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        assertThat(trainer.step("report", Map.of())).containsExactly(
            Map.entry(Losses.OBJECTIVE, 5f), Map.entry("half", 2.5f), Map.entry("training", 1f));
        // w = w - 0.25 * 2w = w / 2
        assertThat(trainer.step("report", Map.of())).containsEntry(Losses.OBJECTIVE, 1.25f);
        HostTensor flag = session.compile((o, in) -> Map.of("training", o.scalar(o.training() ? 1 : 0)))
            .apply(Map.of()).get("training");
        assertThat(flag.item()).as("inference functions run with training() false").isEqualTo(0f);
      }
    }

    @Test
    void randomDrawsFollowTheSessionSeed() {
      assertThat(draw(21)).isEqualTo(draw(21)).isNotEqualTo(draw(22));
    }

    private HostTensor draw(long seed) {
      try (ComputeSession session = backend.open(new ParameterStore(0), seed)) {
        return session.compile((o, in) -> Map.of("r", o.random().normal(0, 1, 64))).apply(Map.of()).get("r");
      }
    }

    @Test
    void gradientsFlowThroughAReparameterisedDrawShapedLikeAParameter() {
      // loss = sum((mu + sigma * eps)^2) with eps drawn like mu: the VAE's reparameterisation trick
      ParameterStore store = new ParameterStore(0);
      store.trainable("mu", s(4), (shape, fi, fo, r) -> new float[] {1, -1, 2, -2}, 1, 1);
      store.trainable("sigma", s(4), Initializers.ones(), 1, 1);
      TrainingStep step = new TrainingStep("reparameterised", (o, b) -> {
        MathOps m = o.math();
        Tensor mu = o.param("mu");
        Tensor z = m.add(mu, m.mul(o.param("sigma"), o.random().normalLike(mu)));
        return Losses.of(m.sum(m.square(z)));
      }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.05, 0, 0));
      try (ComputeSession session = backend.open(store, 3)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        for (int i = 0; i < 30; i++) {
          trainer.step("reparameterised", Map.of());
        }
        Map<String, HostTensor> state = session.readState();
        double mu = 0;
        double sigma = 0;
        for (int i = 0; i < 4; i++) {
          mu += Math.abs(state.get("mu").data()[i]);
          sigma += Math.abs(state.get("sigma").data()[i]);
        }
        assertThat(mu).as("the means shrink towards 0").isLessThan(1.0);
        assertThat(sigma).as("the scales shrink towards 0").isLessThan(3.0);
      }
    }

    @Test
    void aTrainerResumedFromItsStateAndStepCountContinuesExactly() {
      long seed = 13;
      HostTensor x = random(5, -1, 1, 8, 3);
      ParameterStore store = new ParameterStore(seed);
      Dense dense = new Dense(Scope.root(store).child("d"), 3, 3);
      float[] uninterrupted = new float[6];
      Map<String, HostTensor> finalState;
      Map<String, HostTensor> halfway = null;
      try (ComputeSession session = backend.open(store, seed)) {
        Trainer trainer = session.trainer(TrainingProgram.single(noisyStep(dense)));
        for (int i = 0; i < uninterrupted.length; i++) {
          uninterrupted[i] = trainer.step("fit", Map.of("x", x)).get(Losses.OBJECTIVE);
          if (i == 2) {
            halfway = session.readState();
          }
        }
        assertThat(trainer.stepsRun()).isEqualTo(6);
        finalState = session.readState();
      }
      float[] resumed = new float[3];
      float[] restartedAtZero = new float[3];
      try (ComputeSession session = backend.open(store, seed)) {
        Trainer trainer = session.trainer(TrainingProgram.single(noisyStep(dense)));
        session.writeState(halfway);
        trainer.resumeAfter(3);
        for (int i = 0; i < resumed.length; i++) {
          resumed[i] = trainer.step("fit", Map.of("x", x)).get(Losses.OBJECTIVE);
        }
        assertThat(session.readState()).as("state after resuming").isEqualTo(finalState);
      }
      try (ComputeSession session = backend.open(store, seed)) {
        Trainer trainer = session.trainer(TrainingProgram.single(noisyStep(dense)));
        session.writeState(halfway);
        for (int i = 0; i < restartedAtZero.length; i++) {
          restartedAtZero[i] = trainer.step("fit", Map.of("x", x)).get(Losses.OBJECTIVE);
        }
      }
      assertThat(resumed).as("losses after resuming at step 3").containsExactly(
          java.util.Arrays.copyOfRange(uninterrupted, 3, 6));
      assertThat(restartedAtZero).as("without the step count the noise repeats steps 1-3's draws")
          .isNotEqualTo(resumed);
    }

    @Test
    void theSameSeedGivesIdenticalTraining() {
      assertThat(losses(11)).isEqualTo(losses(11)).isNotEqualTo(losses(12));
    }

    private float[] losses(long seed) {
      ParameterStore store = new ParameterStore(seed);
      Dense dense = new Dense(Scope.root(store).child("d"), 3, 3);
      HostTensor x = random(5, -1, 1, 8, 3);
      float[] out = new float[10];
      try (ComputeSession session = backend.open(store, seed)) {
        Trainer trainer = session.trainer(TrainingProgram.single(noisyStep(dense)));
        for (int i = 0; i < out.length; i++) {
          out[i] = trainer.step("fit", Map.of("x", x)).get(Losses.OBJECTIVE);
        }
      }
      return out;
    }
  }

  /** Tests that depend on what the backend declares it can do. */
  @Nested
  class Capabilities {
    @Test
    void inputGradientsOfInferenceFunctions() {
      assumeCapability(Capability.INPUT_GRADIENTS);
      HostTensor x = random(6, -1, 1, 2, 3);
      HostTensor w = random(7, 0.5f, 1.5f, 2, 3);
      try (ComputeSession session = backend.open(new ParameterStore(0), 0)) {
        Map<String, HostTensor> out = session.compile((o, in) -> {
          Tensor v = in.get("x");
          Tensor u = in.get("w");
          Tensor y = o.math().sum(o.math().mul(o.nn().tanh(v), u));
          List<Tensor> g = o.gradients(y, List.of(v, u));
          return Map.of("gx", g.get(0), "gw", g.get(1), "y", y);
        }).apply(Map.of("x", x, "w", w));
        double[] expected = new double[x.size()];
        double y = 0;
        for (int i = 0; i < x.size(); i++) {
          double th = Math.tanh(x.data()[i]);
          expected[i] = (1 - th * th) * w.data()[i];
          y += th * w.data()[i];
        }
        float[] ex = new float[expected.length];
        for (int i = 0; i < ex.length; i++) {
          ex[i] = (float) expected[i];
        }
        assertClose(out.get("gx"), t(s(2, 3), ex), 1e-5);
        assertClose(out.get("gw"), map(x, Math::tanh), 1e-5);
        assertThat((double) out.get("y").item()).isCloseTo(y, within(1e-5));
      }
    }

    /**
     * A gradient penalty as WGAN-GP builds it, {@code sum(|d/dx sum(act(conv(x, w)))|^2)}, differentiated
     * again with respect to both the input and the weights, for every activation. Piecewise-linear
     * activations are checked inside one linear piece (finite differences across a kink are meaningless).
     */
    @Test
    void higherOrderGradientsThroughConvolutionsAndActivations() {
      assumeCapability(Capability.HIGHER_ORDER_GRADIENTS);
      HostTensor x = random(21, 0.2f, 1f, 1, 2, 4, 4);
      HostTensor mixed = random(22, -0.6f, 0.6f, 3, 2, 3, 3);
      HostTensor positive = random(23, 0.1f, 0.6f, 3, 2, 3, 3);
      HostTensor negative = random(24, -0.6f, -0.1f, 3, 2, 3, 3);
      Map<String, BiFunction<Ops, Tensor, Tensor>> activations = new java.util.LinkedHashMap<>();
      activations.put("relu", (o, v) -> o.nn().relu(v));
      activations.put("leakyRelu", (o, v) -> o.nn().leakyRelu(v, 0.2f));
      activations.put("sigmoid", (o, v) -> o.nn().sigmoid(v));
      activations.put("tanh", (o, v) -> o.nn().tanh(v));
      activations.put("softplus", (o, v) -> o.nn().softplus(v));
      Map<String, HostTensor> weights = Map.of("relu", positive, "leakyRelu", negative);
      activations.forEach((name, act) -> {
        BiFunction<Ops, List<Tensor>, Tensor> penalty = (o, p) -> {
          Tensor y = o.math().sum(act.apply(o, o.nn().conv2d(p.get(0), p.get(1), 1, 1)));
          return o.math().sum(o.math().square(o.gradients(y, List.of(p.get(0))).get(0)));
        };
        List<HostTensor> analytic = h.gradients(penalty, x, weights.getOrDefault(name, mixed));
        List<HostTensor> numeric = h.numericGradients(penalty, 1e-2, x, weights.getOrDefault(name, mixed));
        for (int i = 0; i < 2; i++) {
          assertClose(analytic.get(i), numeric.get(i), 2e-2);
        }
      });
    }

    /**
     * A penalty on the gradient with respect to an intermediate result, as WGAN-GP takes it on interpolates
     * that mix a generator's output into the input: {@code h = conv(x, w)}, {@code y = sum(tanh(conv(h, w)))},
     * penalty {@code sum(|dy/dh|^2)}, differentiated with respect to {@code x} and {@code w}. A backend that
     * keeps images in its own layout must still find {@code h} upstream of {@code y}.
     */
    @Test
    void higherOrderGradientsWithRespectToALayersOutput() {
      assumeCapability(Capability.HIGHER_ORDER_GRADIENTS);
      HostTensor x = random(25, -1f, 1f, 1, 2, 4, 4);
      HostTensor w = random(26, -0.5f, 0.5f, 2, 2, 3, 3);
      BiFunction<Ops, List<Tensor>, Tensor> penalty = (o, p) -> {
        Tensor hidden = o.nn().conv2d(p.get(0), p.get(1), 1, 1);
        Tensor y = o.math().sum(o.nn().tanh(o.nn().conv2d(hidden, p.get(1), 1, 1)));
        return o.math().sum(o.math().square(o.gradients(y, List.of(hidden)).get(0)));
      };
      List<HostTensor> analytic = h.gradients(penalty, x, w);
      List<HostTensor> numeric = h.numericGradients(penalty, 1e-2, x, w);
      for (int i = 0; i < 2; i++) {
        assertClose(analytic.get(i), numeric.get(i), 2e-2);
      }
    }

    @Test
    void higherOrderGradientsInsideATrainingStep() {
      ParameterStore store = new ParameterStore(0);
      store.trainable("w", s(2), (shape, fi, fo, r) -> new float[] {1, 2}, 1, 1);
      // loss = (d/dw sum(w^3))^2 summed = sum(9 w^4); its gradient is 36 w^3.
      TrainingStep step = new TrainingStep("penalty", (o, b) -> {
        Tensor w = o.param("w");
        Tensor g = o.gradients(o.math().sum(o.math().mul(w, o.math().square(w))), List.of(w)).get(0);
        return Losses.of(o.math().sum(o.math().square(g)));
      }, ParameterGroup.all(), new OptimizerSpec.Sgd(0.001, 0, 0));
      try (ComputeSession session = backend.open(store, 0)) {
        Trainer trainer = session.trainer(TrainingProgram.single(step));
        if (!capabilities().contains(Capability.HIGHER_ORDER_GRADIENTS)) {
          assertThatThrownBy(() -> trainer.step("penalty", Map.of()))
              .hasMessageContaining(Capability.HIGHER_ORDER_GRADIENTS.id());
          Assumptions.abort("skipped: the backend lacks '" + Capability.HIGHER_ORDER_GRADIENTS.id()
              + "' (checked that it refuses clearly)");
        }
        trainer.step("penalty", Map.of());
        assertClose(session.readState().get("w"), t(s(2), 1 - 0.001f * 36, 2 - 0.001f * 36 * 8), 1e-4);
      }
    }
  }

}
