package org.latentlab.api.nn;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/** Parameter-free element-wise activations as layers. */
public final class Activation {
  private Activation() {}

  /** ReLU. */
  public static Layer relu() {
    return (ops, x) -> ops.nn().relu(x);
  }

  /** Leaky ReLU with slope {@code alpha} for negative inputs. */
  public static Layer leakyRelu(float alpha) {
    return (ops, x) -> ops.nn().leakyRelu(x, alpha);
  }

  /** Logistic sigmoid. */
  public static Layer sigmoid() {
    return (ops, x) -> ops.nn().sigmoid(x);
  }

  /** Hyperbolic tangent. */
  public static Layer tanh() {
    return (ops, x) -> ops.nn().tanh(x);
  }

  /** Identity (handy as a configurable "no activation"). */
  public static Layer identity() {
    return (Ops ops, Tensor x) -> x;
  }
}
