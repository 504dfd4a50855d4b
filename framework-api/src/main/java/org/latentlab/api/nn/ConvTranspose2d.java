package org.latentlab.api.nn;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializer;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * Transposed 2-D convolution with bias; weight {@code [in, out, k, k]}. Output side
 * {@code (size - 1) * s - 2p + k + outputPadding}.
 */
public final class ConvTranspose2d implements Layer {
  private final String weight;
  private final String bias;
  private final int out;
  private final int kernel;
  private final int stride;
  private final int padding;
  private final int outputPadding;

  /** A transposed convolution with He-normal weights and zero bias. */
  public ConvTranspose2d(Scope scope, int in, int out, int kernel, int stride, int padding) {
    this(scope, in, out, kernel, stride, padding, 0, Initializers.heNormal());
  }

  /** A transposed convolution with the given output padding and weight initialiser. */
  public ConvTranspose2d(
      Scope scope, int in, int out, int kernel, int stride, int padding, int outputPadding, Initializer init) {
    LayerChecks.convArguments("ConvTranspose2d " + scope.prefix(), in, out, kernel, stride, padding);
    if (outputPadding < 0 || outputPadding >= Math.max(stride, 1)) {
      throw new IllegalArgumentException("ConvTranspose2d " + scope.prefix()
          + ": outputPadding must be in [0, stride) (was " + outputPadding + ")");
    }
    this.out = out;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    this.outputPadding = outputPadding;
    // For the transposed op, each input unit feeds out*k*k outputs; each output receives in*k*k/s^2.
    int fanIn = in * kernel * kernel / (stride * stride);
    int fanOut = out * kernel * kernel;
    this.weight = scope.store().trainable(
        scope.name("weight"), new int[] {in, out, kernel, kernel}, init, Math.max(1, fanIn), fanOut);
    this.bias = scope.store().trainable(scope.name("bias"), new int[] {out}, Initializers.zeros(), fanIn, fanOut);
  }

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    Tensor y = ops.nn().convTranspose2d(x, ops.param(weight), stride, padding, outputPadding);
    return ops.math().add(y, ops.shape().reshape(ops.param(bias), 1, out, 1, 1));
  }

  /** Output side length for an input side {@code size}. */
  public int outputSize(int size) {
    return (size - 1) * stride - 2 * padding + kernel + outputPadding;
  }
}
