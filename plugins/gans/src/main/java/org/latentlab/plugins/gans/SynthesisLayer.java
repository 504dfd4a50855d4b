package org.latentlab.plugins.gans;

import org.latentlab.api.nn.Activation;
import org.latentlab.api.nn.Conv2d;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.ParameterKind;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * One layer of StyleGAN's synthesis network (Karras et al. 2019, Fig. 1b): optionally a nearest-neighbour
 * doubling of the side, a 3x3 convolution (none on the learned constant), per-pixel noise
 * {@code B [n, 1, h, w] ~ N(0, 1)} added with a learned per-channel scale (zero at the start), LeakyReLU(0.2),
 * then {@link AdaIn} with this layer's style. The noise is fresh for every image in training and
 * {@code generate}; a fixed map drawn once (state {@code <scope>/fixed-noise}) serves the deterministic
 * style-mixing function.
 */
final class SynthesisLayer {
  private final Conv2d conv;
  private final boolean upsample;
  private final String noiseScale;
  private final String fixedNoise;
  private final AdaIn adaIn;
  private final int side;

  /**
   * A layer of {@code out} channels at side {@code side}; {@code in <= 0} makes the first layer (on the
   * constant, no convolution); {@code upsample} doubles the input's side before the convolution.
   */
  SynthesisLayer(Scope scope, int in, int out, int side, boolean upsample, int styleDim) {
    this.conv = in > 0 ? new Conv2d(scope.child("conv"), in, out, 3, 1, 1) : null;
    this.upsample = upsample;
    this.side = side;
    this.noiseScale = scope.store().trainable(scope.name("noise-scale"), new int[] {1, out, 1, 1},
        Initializers.zeros(), 1, 1);
    this.fixedNoise = scope.store().declare(scope.name("fixed-noise"), ParameterKind.STATE,
        new int[] {1, 1, side, side}, Initializers.normal(1), 1, 1);
    this.adaIn = new AdaIn(scope.child("adain"), styleDim, out);
  }

  /** The layer's output for input {@code x} and style code {@code w}; {@code freshNoise} draws new noise. */
  Tensor apply(Ops ops, Tensor x, Tensor w, boolean freshNoise) {
    MathOps m = ops.math();
    Tensor h = upsample ? doubled(ops, x) : x;
    h = conv == null ? h : conv.apply(ops, h);
    Tensor noise = freshNoise ? ops.random().normal(0f, 1f, w.dim(0), 1, side, side) : ops.param(fixedNoise);
    h = m.add(h, m.mul(ops.param(noiseScale), noise));
    return adaIn.apply(ops, Activation.leakyRelu(Networks.LEAK).apply(ops, h), w);
  }

  /** Nearest-neighbour upsampling by two: every pixel becomes a 2x2 block. */
  private static Tensor doubled(Ops ops, Tensor x) {
    int n = x.dim(0);
    int c = x.dim(1);
    int h = x.dim(2);
    int w = x.dim(3);
    Tensor blocks = ops.math().mul(ops.shape().reshape(x, n, c, h, 1, w, 1),
        ops.constant(HostTensor.of(new int[] {1, 1, 1, 2, 1, 2}, 1f, 1f, 1f, 1f)));
    return ops.shape().reshape(blocks, n, c, 2 * h, 2 * w);
  }
}
