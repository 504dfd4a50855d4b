package org.latentlab.plugins.selfsupervised;

import java.util.Arrays;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/** Top-1 correctness of a pretext classifier's logits, computed in the graph on every backend. */
final class TopOne {
  private TopOne() {}

  /**
   * 1 where the logit of the true class ({@code labels [n]}, class indices as floats) is the largest of its row
   * of {@code logits [n, classes]}, else 0; {@code [n]}.
   */
  static Tensor correct(Ops ops, Tensor logits, Tensor labels, int classes) {
    MathOps m = ops.math();
    Tensor truth = m.sum(m.mul(logits, ops.shape().oneHot(labels, classes)), false, 1);
    return m.greater(m.addScalar(truth, 1e-6f), m.max(logits, false, 1));
  }

  /** {@link #correct} when every row's true class is {@code label}, as a row {@code [1, n]}. */
  static Tensor correctAs(Ops ops, Tensor logits, int label, int classes) {
    int n = logits.dim(0);
    float[] labels = new float[n];
    Arrays.fill(labels, label);
    return ops.shape().reshape(correct(ops, logits, ops.constant(new HostTensor(labels, new int[] {n})), classes), 1, n);
  }
}
