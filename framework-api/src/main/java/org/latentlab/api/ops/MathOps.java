package org.latentlab.api.ops;

import org.latentlab.api.tensor.Tensor;

/**
 * Element-wise arithmetic with NumPy broadcasting, matrix product and reductions. Reductions take the
 * axes to reduce; no axes means all of them.
 */
public interface MathOps {
  Tensor add(Tensor a, Tensor b);

  Tensor sub(Tensor a, Tensor b);

  Tensor mul(Tensor a, Tensor b);

  Tensor div(Tensor a, Tensor b);

  Tensor neg(Tensor x);

  Tensor exp(Tensor x);

  /** Natural logarithm. */
  Tensor log(Tensor x);

  Tensor sqrt(Tensor x);

  Tensor square(Tensor x);

  Tensor abs(Tensor x);

  /** Element-wise larger of the two (gradient to the larger input). */
  Tensor maximum(Tensor a, Tensor b);

  /** Element-wise smaller of the two (gradient to the smaller input). */
  Tensor minimum(Tensor a, Tensor b);

  /** 1 where {@code a > b}, else 0; no gradient. */
  Tensor greater(Tensor a, Tensor b);

  /** Matrix product of two rank-2 tensors: {@code [m, k] x [k, n] -> [m, n]}. */
  Tensor matmul(Tensor a, Tensor b);

  /** Sum over {@code axes} (all when empty), dropping them unless {@code keepDims}. */
  Tensor sum(Tensor x, boolean keepDims, int... axes);

  /** Mean over {@code axes} (all when empty), dropping them unless {@code keepDims}. */
  Tensor mean(Tensor x, boolean keepDims, int... axes);

  /** Maximum over {@code axes} (all when empty), dropping them unless {@code keepDims}. */
  Tensor max(Tensor x, boolean keepDims, int... axes);

  /** Values clipped to {@code [lo, hi]} (zero gradient outside). */
  Tensor clip(Tensor x, float lo, float hi);

  /** {@code x * factor}. */
  Tensor scale(Tensor x, float factor);

  /** {@code x + value}. */
  Tensor addScalar(Tensor x, float value);

  /** Sum of all elements, as a scalar. */
  default Tensor sum(Tensor x) {
    return sum(x, false);
  }

  /** Largest element, as a scalar. */
  default Tensor max(Tensor x) {
    return max(x, false);
  }

  /** Mean of all elements, as a scalar. */
  default Tensor mean(Tensor x) {
    return mean(x, false);
  }
}
