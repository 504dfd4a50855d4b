package org.latentlab.plugins.adversarial;

import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/** Trace-safe classification terms shared by the family's losses. */
final class Classification {
  private Classification() {}

  /**
   * The share of rows whose largest logit is at their label (ties count as right): with
   * {@code l_y = sum_k onehot(y)_k logits_k}, {@code mean(1 - [max_k logits_k > l_y])}. No gradient.
   */
  static Tensor accuracy(Ops ops, Tensor logits, Tensor labels) {
    MathOps m = ops.math();
    int classes = logits.shape()[1];
    Tensor atLabel = m.sum(m.mul(logits, ops.shape().oneHot(labels, classes)), false, 1);
    Tensor wrong = m.greater(m.max(logits, false, 1), atLabel);
    return ops.stopGradient(m.addScalar(m.neg(m.mean(wrong)), 1));
  }

  /**
   * The softmax cross-entropy of the rows where {@code mask} is 1, averaged over them (0 when there are
   * none): {@code sum_i mask_i CE_i / max(1, sum_i mask_i)}, for labels {@code y} that hold any class index
   * where {@code mask} is 0.
   */
  static Tensor maskedCrossEntropy(Ops ops, Tensor logits, Tensor labels, Tensor mask) {
    MathOps m = ops.math();
    int classes = logits.shape()[1];
    Tensor perRow = m.neg(m.sum(m.mul(ops.shape().oneHot(labels, classes), ops.nn().logSoftmax(logits, 1)), false, 1));
    Tensor count = m.maximum(m.sum(mask), ops.scalar(1));
    return m.div(m.sum(m.mul(perRow, mask)), count);
  }

  /** The share of correct binary decisions {@code [logit > 0] == target} over all rows. No gradient. */
  static Tensor binaryAccuracy(Ops ops, Tensor logits, Tensor targets) {
    MathOps m = ops.math();
    Tensor predicted = m.greater(logits, ops.scalar(0));
    return ops.stopGradient(m.addScalar(m.neg(m.mean(m.abs(m.sub(predicted, targets)))), 1));
  }
}
