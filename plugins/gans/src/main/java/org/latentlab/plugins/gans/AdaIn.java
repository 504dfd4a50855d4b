package org.latentlab.plugins.gans;

import org.latentlab.api.nn.Dense;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * Adaptive instance normalisation (Huang &amp; Belongie 2017) as StyleGAN's synthesis layers use it
 * (Karras et al. 2019, eq. 1): each feature map of each image is normalised over its pixels, then scaled
 * and shifted by a style {@code (y_s, y_b)}, a learned affine map of {@code w}:
 * {@code AdaIN(x_i, w) = (1 + y_s,i) (x_i - mu(x_i)) / sigma(x_i) + y_b,i}. The {@code 1 +} starts every
 * scale near one, as StyleGAN initialises the scale's bias to 1.
 */
final class AdaIn {
  private static final float EPSILON = 1e-8f;

  private final Dense style;
  private final int channels;

  /** The style map {@code w [n, styleDim] -> (y_s, y_b) [n, 2 channels]} under {@code <scope>/style}. */
  AdaIn(Scope scope, int styleDim, int channels) {
    this.style = new Dense(scope.child("style"), styleDim, 2 * channels);
    this.channels = channels;
  }

  /** {@code x [n, channels, h, w]} normalised per image and channel, then styled by {@code w [n, styleDim]}. */
  Tensor apply(Ops ops, Tensor x, Tensor w) {
    MathOps m = ops.math();
    Tensor centred = m.sub(x, m.mean(x, true, 2, 3));
    Tensor normalised = m.div(centred, m.sqrt(m.addScalar(m.mean(m.square(centred), true, 2, 3), EPSILON)));
    Tensor y = style.apply(ops, w);
    int n = x.dim(0);
    Tensor scale = ops.shape().reshape(ops.shape().slice(y, new int[] {0, 0}, new int[] {n, channels}), n, channels, 1, 1);
    Tensor bias = ops.shape().reshape(ops.shape().slice(y, new int[] {0, channels}, new int[] {n, channels}),
        n, channels, 1, 1);
    return m.add(m.mul(normalised, m.addScalar(scale, 1f)), bias);
  }
}
