package org.latentlab.api.ops;

import org.latentlab.api.tensor.Tensor;

/** {@link LossOps} composed from the other op families, so every backend gets them for free. */
public final class StandardLossOps implements LossOps {
  private final Ops ops;

  /** Losses built on {@code ops}. */
  public StandardLossOps(Ops ops) {
    this.ops = ops;
  }

  @Override
  public Tensor mse(Tensor prediction, Tensor target) {
    MathOps m = ops.math();
    return m.mean(m.square(m.sub(prediction, target)));
  }

  @Override
  public Tensor l1(Tensor x) {
    MathOps m = ops.math();
    return m.mean(m.abs(x));
  }

  @Override
  public Tensor binaryCrossEntropyWithLogits(Tensor logits, Tensor target) {
    MathOps m = ops.math();
    Tensor positivePart = ops.nn().relu(logits);
    Tensor softplusNegAbs = ops.nn().softplus(m.neg(m.abs(logits)));
    return m.mean(m.add(m.sub(positivePart, m.mul(logits, target)), softplusNegAbs));
  }

  @Override
  public Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
    MathOps m = ops.math();
    Tensor perRow = m.sum(m.mul(targets, ops.nn().logSoftmax(logits, 1)), false, 1);
    return m.neg(m.mean(perRow));
  }

  @Override
  public Tensor sparseSoftmaxCrossEntropy(Tensor logits, Tensor labels) {
    return softmaxCrossEntropy(logits, ops.shape().oneHot(labels, logits.dim(1)));
  }
}
