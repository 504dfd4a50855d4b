package org.latentlab.plugins.gans;

import java.util.List;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * The minibatch standard deviation layer of Karras et al., "Progressive Growing of GANs" (ICLR 2018), kept
 * in StyleGAN's discriminator: the spread of the features over the batch as one number, here the root of
 * their variances' mean {@code s = sqrt(mean_features Var_batch + 1e-6)} (the paper averages the standard
 * deviations; one square root keeps the gradient bounded where a feature does not vary), appended to {@code [n, c, h, w]} features as a constant channel {@code [n, 1, h, w]}.
 * A batch of near-identical samples shows a small {@code s}, so the discriminator can reject a generator
 * that collapses to a few images.
 */
final class MinibatchStddev implements Layer {
  private static final float EPSILON = 1e-6f;

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    MathOps m = ops.math();
    Tensor centred = m.sub(x, m.mean(x, true, 0));
    Tensor s = m.sqrt(m.addScalar(m.mean(m.square(centred)), EPSILON));
    Tensor ones = ops.constant(HostTensor.of(new int[] {x.dim(0), 1, x.dim(2), x.dim(3)},
        filledWithOnes(x.dim(0) * x.dim(2) * x.dim(3))));
    return ops.shape().concat(List.of(x, m.mul(ones, s)), 1);
  }

  private static float[] filledWithOnes(int n) {
    float[] v = new float[n];
    java.util.Arrays.fill(v, 1f);
    return v;
  }
}
