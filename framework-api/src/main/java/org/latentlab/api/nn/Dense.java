package org.latentlab.api.nn;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializer;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/** Fully connected layer {@code y = x W + b}, {@code W: [in, out]}; input {@code [n, in]}. */
public final class Dense implements Layer {
  private final String weight;
  private final String bias;
  private final int in;
  private final int out;

  /** A dense layer with Glorot-normal weights and zero bias. */
  public Dense(Scope scope, int in, int out) {
    this(scope, in, out, Initializers.glorotNormal());
  }

  /** A dense layer with the given weight initialiser and zero bias. */
  public Dense(Scope scope, int in, int out, Initializer init) {
    if (in <= 0 || out <= 0) {
      throw new IllegalArgumentException("Dense " + scope.prefix() + ": sizes must be > 0 (in " + in + ", out " + out + ")");
    }
    this.in = in;
    this.out = out;
    this.weight = scope.store().trainable(scope.name("weight"), new int[] {in, out}, init, in, out);
    this.bias = scope.store().trainable(scope.name("bias"), new int[] {out}, Initializers.zeros(), in, out);
  }

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    if (x.rank() != 2 || x.dim(1) != in) {
      throw new IllegalArgumentException(
          "Dense " + weight + " expects [n, " + in + "] but got " + java.util.Arrays.toString(x.shape()));
    }
    return ops.math().add(ops.math().matmul(x, ops.param(weight)), ops.param(bias));
  }

  /** Output width. */
  public int outputSize() {
    return out;
  }
}
