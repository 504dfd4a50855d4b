package org.latentlab.plugins.gans;

import java.util.List;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * The gradient penalty of WGAN-GP (Gulrajani et al., "Improved Training of Wasserstein GANs", NeurIPS
 * 2017, eq. 3): {@code E[(||grad_xhat D(xhat)||_2 - 1)^2]} on random interpolates
 * {@code xhat = alpha x + (1 - alpha) x_fake}, {@code alpha ~ U[0, 1]} drawn once per sample. It softly
 * holds the critic to the 1-Lipschitz functions the Kantorovich-Rubinstein duality ranges over, where
 * the optimal critic has gradient norm 1 on the lines between the two distributions. Inside a training
 * step its gradient is a gradient of a gradient: it needs
 * {@link org.latentlab.api.spi.Capability#HIGHER_ORDER_GRADIENTS}.
 */
final class GradientPenalty {
  /** Added under the square root so the norm's gradient stays finite at a zero gradient. */
  private static final float EPSILON = 1e-12f;

  private GradientPenalty() {}

  /** The penalty (without its weight) for images {@code [n, c, h, w]}. Trace-safe. */
  static Tensor of(Ops ops, Layer critic, Tensor real, Tensor fake) {
    MathOps m = ops.math();
    Tensor alpha = ops.random().uniform(0f, 1f, real.dim(0), 1, 1, 1);
    Tensor interpolates = m.add(m.mul(alpha, real), m.mul(m.addScalar(m.neg(alpha), 1f), fake));
    Tensor gradient = ops.gradients(m.sum(critic.apply(ops, interpolates)), List.of(interpolates)).get(0);
    Tensor norm = m.sqrt(m.addScalar(m.sum(m.square(gradient), false, 1, 2, 3), EPSILON));
    return m.mean(m.square(m.addScalar(norm, -1f)));
  }
}
