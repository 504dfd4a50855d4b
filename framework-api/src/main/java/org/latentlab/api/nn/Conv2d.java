package org.latentlab.api.nn;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializer;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/** 2-D convolution with bias; weight {@code [out, in, k, k]}, He-normal by default. */
public final class Conv2d implements Layer {
  private final String weight;
  private final String bias;
  private final int out;
  private final int kernel;
  private final int stride;
  private final int padding;

  /** A convolution with He-normal weights (suits ReLU) and zero bias. */
  public Conv2d(Scope scope, int in, int out, int kernel, int stride, int padding) {
    this(scope, in, out, kernel, stride, padding, Initializers.heNormal());
  }

  /** A convolution with the given weight initialiser and zero bias. */
  public Conv2d(Scope scope, int in, int out, int kernel, int stride, int padding, Initializer init) {
    LayerChecks.convArguments("Conv2d " + scope.prefix(), in, out, kernel, stride, padding);
    this.out = out;
    this.kernel = kernel;
    this.stride = stride;
    this.padding = padding;
    int fanIn = in * kernel * kernel;
    int fanOut = out * kernel * kernel;
    this.weight = scope.store().trainable(scope.name("weight"), new int[] {out, in, kernel, kernel}, init, fanIn, fanOut);
    this.bias = scope.store().trainable(scope.name("bias"), new int[] {out}, Initializers.zeros(), fanIn, fanOut);
  }

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    Tensor y = ops.nn().conv2d(x, ops.param(weight), stride, padding);
    return ops.math().add(y, ops.shape().reshape(ops.param(bias), 1, out, 1, 1));
  }

  /** Output side length for an input side {@code size}: {@code (size + 2p - k) / s + 1}. */
  public int outputSize(int size) {
    return (size + 2 * padding - kernel) / stride + 1;
  }
}
