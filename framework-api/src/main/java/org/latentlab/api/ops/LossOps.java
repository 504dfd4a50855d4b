package org.latentlab.api.ops;

import org.latentlab.api.tensor.Tensor;

/**
 * The usual losses, each reduced to a scalar mean. {@link StandardLossOps} builds them from the other
 * op families; a backend may substitute fused kernels with the same values.
 */
public interface LossOps {
  /** Mean squared error over all elements: {@code mean((p - t)^2)}. */
  Tensor mse(Tensor prediction, Tensor target);

  /** Mean absolute value over all elements. */
  Tensor l1(Tensor x);

  /**
   * Binary cross-entropy from logits, mean over all elements:
   * {@code mean(max(z, 0) - z t + log(1 + exp(-|z|)))}.
   */
  Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target);

  /** Softmax cross-entropy against one-hot (or soft) targets {@code [n, k]}, mean over rows. */
  Tensor softmaxCrossEntropy(Tensor logits, Tensor targets);

  /** Softmax cross-entropy against class indices {@code [n]} held as floats, mean over rows. */
  Tensor sparseSoftmaxCrossEntropy(Tensor logits, Tensor labels);
}
