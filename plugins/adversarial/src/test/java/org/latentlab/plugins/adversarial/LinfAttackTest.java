package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.nn.Dense;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/**
 * FGSM moves every pixel by exactly epsilon along the gradient's sign (where the image range allows), PGD stays
 * in the epsilon ball and the image range, on both backends with real input gradients.
 */
class LinfAttackTest {
  private static final ImageSet DATA = ToyData.squares(32, 5);

  /** A gradient function returning a fixed gradient, whatever the input. */
  private static CompiledFunction fixed(float[] gradient, int[] shape) {
    return in -> Map.of("gradient", new HostTensor(gradient.clone(), shape));
  }

  @Test
  void fgsmAddsEpsilonTimesTheSignOfTheGradientAndClipsToTheImageRange() {
    HostTensor x = HostTensor.of(new int[] {1, 1, 1, 5}, 0.5f, 0.5f, 0.05f, 0.97f, 0.5f);
    HostTensor y = HostTensor.of(new int[] {1}, 0);
    float[] g = {2f, -0.001f, -1f, 3f, 0f};
    HostTensor adv = LinfAttack.fgsm(0.1).perturb(fixed(g, x.shape()), x, y, new SplittableRandom(1));
    assertThat(adv.data()[0]).isCloseTo(0.6f, within(1e-6f));
    assertThat(adv.data()[1]).isCloseTo(0.4f, within(1e-6f));
    assertThat(adv.data()[2]).as("clipped at 0").isZero();
    assertThat(adv.data()[3]).as("clipped at 1").isEqualTo(1f);
    assertThat(adv.data()[4]).as("no gradient, no move").isEqualTo(0.5f);
  }

  @Test
  void pgdProjectsEachStepOntoTheBall() {
    HostTensor x = HostTensor.of(new int[] {1, 1, 1, 2}, 0.5f, 0.5f);
    float[] g = {1f, -1f};
    LinfAttack attack = new LinfAttack(0.1f, 0.04f, 5, false);
    HostTensor adv = attack.perturb(fixed(g, x.shape()), x, HostTensor.of(new int[] {1}, 0), new SplittableRandom(1));
    assertThat(adv.data()[0]).as("five steps of 0.04 stop at the ball's edge").isCloseTo(0.6f, within(1e-6f));
    assertThat(adv.data()[1]).isCloseTo(0.4f, within(1e-6f));
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void fgsmPerturbationHasLinfNormEpsilonWhereTheRangeAllowsIt(String backend) {
    double epsilon = 0.1;
    try (ComputeSession session = TestBackends.shared(backend).open(linearClassifier(), 3)) {
      CompiledFunction gradient = session.compile(InputGradient.of(LinfAttackTest::logits));
      Map<String, HostTensor> batch = ToyData.batch(DATA, 32);
      HostTensor x = batch.get("x");
      HostTensor adv = LinfAttack.fgsm(epsilon).perturb(gradient, x, batch.get("y"), new SplittableRandom(2));
      float[] g = gradient.apply(batch).get("gradient").data();
      int moved = 0;
      double largest = 0;
      for (int i = 0; i < x.size(); i++) {
        double delta = adv.data()[i] - x.data()[i];
        largest = Math.max(largest, Math.abs(delta));
        double wanted = x.data()[i] + epsilon * Math.signum(g[i]);
        if (g[i] != 0 && wanted >= 0 && wanted <= 1) {
          assertThat(delta).as("pixel %d", i).isCloseTo(epsilon * Math.signum(g[i]), within(1e-6));
          moved++;
        } else {
          assertThat(adv.data()[i]).isBetween(0f, 1f);
        }
      }
      assertThat(moved).as("pixels moved by exactly epsilon").isGreaterThan(x.size() / 3);
      assertThat(largest).isCloseTo(epsilon, within(1e-6));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void pgdStaysInTheEpsilonBallAndTheImageRangeAndRaisesTheLoss(String backend) {
    float epsilon = 0.15f;
    try (ComputeSession session = TestBackends.shared(backend).open(linearClassifier(), 3)) {
      CompiledFunction gradient = session.compile(InputGradient.of(LinfAttackTest::logits));
      Map<String, HostTensor> batch = ToyData.batch(DATA, 32);
      HostTensor x = batch.get("x");
      LinfAttack pgd = LinfAttack.pgd(epsilon, 7, 2.5, true);
      HostTensor adv = pgd.perturb(gradient, x, batch.get("y"), new SplittableRandom(4));
      for (int i = 0; i < x.size(); i++) {
        assertThat(Math.abs(adv.data()[i] - x.data()[i])).as("pixel %d", i).isLessThanOrEqualTo(epsilon + 1e-6f);
        assertThat(adv.data()[i]).isBetween(0f, 1f);
      }
      assertThat(pgd.perturb(gradient, x, batch.get("y"), new SplittableRandom(4)).data())
          .as("the same random start gives the same examples").isEqualTo(adv.data());
      assertThat(crossEntropy(session, adv, batch.get("y"))).isGreaterThan(crossEntropy(session, x, batch.get("y")));
    }
  }

  @Test
  void badSettingsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> new LinfAttack(1.5f, 0.1f, 1, false)).hasMessage("epsilon must be in [0, 1] (was 1.5)");
    assertThatThrownBy(() -> new LinfAttack(0.1f, 0.1f, 0, false)).hasMessage("steps must be >= 1 (was 0)");
    assertThatThrownBy(() -> new LinfAttack(0.1f, -1f, 1, false)).hasMessage("stepSize must be >= 0 (was -1.0)");
  }

  private static ParameterStore linearClassifier() {
    ParameterStore store = new ParameterStore(11);
    new Dense(Scope.root(store).child("linear"), ToyData.SIDE * ToyData.SIDE, ToyData.CLASSES);
    return store;
  }

  private static Tensor logits(Ops ops, Tensor x) {
    Tensor flat = ops.shape().flatten(x);
    return ops.math().add(ops.math().matmul(flat, ops.param("linear/weight")), ops.param("linear/bias"));
  }

  private static double crossEntropy(ComputeSession session, HostTensor x, HostTensor y) {
    return session.compile((ops, in) -> Map.of("ce", ops.losses().sparseSoftmaxCrossEntropy(
        logits(ops, in.get("x")), in.get("y")))).apply(Map.of("x", x, "y", y)).get("ce").item();
  }
}
