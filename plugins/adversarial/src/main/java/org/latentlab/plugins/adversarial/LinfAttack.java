package org.latentlab.plugins.adversarial;

import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/**
 * An L-infinity attack on a classifier: projected gradient ascent of its cross-entropy {@code L} on the
 * input within the ball {@code ||x' - x||_inf <= epsilon}, kept in the image range [0, 1]. From
 * {@code x_0 = x} (or, with a random start, {@code x_0 = clip(x + U(-epsilon, epsilon), 0, 1)}), each of the
 * {@code steps} steps is
 * {@code x_{t+1} = clip(Proj_{x, epsilon}(x_t + alpha sign(grad_x L(x_t, y))), 0, 1)}.
 *
 * <ul>
 *   <li>FGSM, the fast gradient sign method (Goodfellow, Shlens &amp; Szegedy, "Explaining and Harnessing
 *       Adversarial Examples", ICLR 2015): one step of size {@code alpha = epsilon} from {@code x},
 *       {@code x' = clip(x + epsilon sign(grad_x L(x, y)), 0, 1)}.</li>
 *   <li>PGD (Madry et al., "Towards Deep Learning Models Resistant to Adversarial Attacks", ICLR 2018):
 *       {@code steps} steps of size {@code alpha} from a random start in the ball.</li>
 * </ul>
 *
 * <p>The gradients come from a compiled {@link InputGradient} function; the steps, the projection and the
 * clipping run on the host in float arithmetic, so every backend makes the same moves from the same gradients.
 *
 * @param epsilon     radius of the L-infinity ball, >= 0
 * @param stepSize    {@code alpha}, > 0 unless {@code epsilon} is 0
 * @param steps       number of signed-gradient steps, >= 1
 * @param randomStart whether to start from a uniform point of the ball
 */
record LinfAttack(float epsilon, float stepSize, int steps, boolean randomStart) {

  /** Checks the ranges. */
  LinfAttack {
    if (!(epsilon >= 0 && epsilon <= 1)) {
      throw new IllegalArgumentException("epsilon must be in [0, 1] (was " + epsilon + ")");
    }
    if (!(stepSize >= 0) || Float.isInfinite(stepSize)) {
      throw new IllegalArgumentException("stepSize must be >= 0 (was " + stepSize + ")");
    }
    if (steps < 1) {
      throw new IllegalArgumentException("steps must be >= 1 (was " + steps + ")");
    }
  }

  /** FGSM at {@code epsilon}. */
  static LinfAttack fgsm(double epsilon) {
    return new LinfAttack((float) epsilon, (float) epsilon, 1, false);
  }

  /**
   * PGD at {@code epsilon} with {@code steps} steps of {@code relativeStepSize * epsilon / steps} (Madry et
   * al. suggest 2.5: enough to cross the ball from any start, with room to move along its boundary).
   */
  static LinfAttack pgd(double epsilon, int steps, double relativeStepSize, boolean randomStart) {
    return new LinfAttack((float) epsilon, (float) (relativeStepSize * epsilon / steps), steps, randomStart);
  }

  /**
   * The adversarial images for clean images {@code x} {@code [n, c, h, w]} with labels {@code y} {@code [n]},
   * from the gradients of {@code gradient} (an {@link InputGradient} function), the random start drawn from
   * {@code random}.
   */
  HostTensor perturb(CompiledFunction gradient, HostTensor x, HostTensor y, SplittableRandom random) {
    float[] clean = x.data();
    float[] adv = clean.clone();
    if (epsilon == 0) {
      return new HostTensor(adv, x.shape());
    }
    if (randomStart) {
      for (int i = 0; i < adv.length; i++) {
        adv[i] = clip01(clean[i] + (float) ((2 * random.nextDouble() - 1) * epsilon));
      }
    }
    for (int t = 0; t < steps; t++) {
      float[] g = gradient.apply(Map.of("x", new HostTensor(adv, x.shape()), "y", y)).get("gradient").data();
      for (int i = 0; i < adv.length; i++) {
        float moved = adv[i] + stepSize * Math.signum(g[i]);
        adv[i] = clip01(Math.min(Math.max(moved, clean[i] - epsilon), clean[i] + epsilon));
      }
    }
    return new HostTensor(adv, x.shape());
  }

  private static float clip01(float v) {
    return Math.min(1f, Math.max(0f, v));
  }
}
