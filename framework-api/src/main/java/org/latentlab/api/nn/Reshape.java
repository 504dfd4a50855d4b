package org.latentlab.api.nn;

/** Parameter-free shape layers. */
public final class Reshape {
  private Reshape() {}

  /** {@code [n, ...] -> [n, product]}. */
  public static Layer flatten() {
    return (ops, x) -> ops.shape().flatten(x);
  }

  /** {@code [n, ...] -> [n, dims...]}. */
  public static Layer to(int... dims) {
    int[] target = new int[dims.length + 1];
    target[0] = -1;
    System.arraycopy(dims, 0, target, 1, dims.length);
    return (ops, x) -> ops.shape().reshape(x, target);
  }
}
