package org.latentlab.plugins.selfsupervised;

import java.util.List;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * The normalised temperature-scaled cross-entropy of SimCLR (Chen et al. 2020; the InfoNCE of van den Oord et al.
 * 2018 over a batch): with {@code u_i} the unit-length codes of the {@code 2n} views (view 1 of every image, then
 * view 2), {@code s_ij = u_i . u_j / tau}, the loss of view {@code i} is
 * {@code -log(exp(s_{i,p(i)}) / sum_{k != i} exp(s_ik))} with {@code p(i)} the other view of the same image, averaged
 * over the {@code 2n} views: each view must pick its partner out of the {@code 2n - 1} others.
 */
final class NtXent {
  private static final float EXCLUDED = 1e9f;

  private NtXent() {}

  /** The index of every view's partner: {@code i + n} for the first {@code n}, {@code i - n} for the others. */
  static HostTensor partners(int n) {
    float[] p = new float[2 * n];
    for (int i = 0; i < n; i++) {
      p[i] = i + n;
      p[i + n] = i;
    }
    return new HostTensor(p, new int[] {2 * n});
  }

  /** The similarity logits {@code [2n, 2n]} with each view's similarity to itself pushed to minus infinity. */
  static Tensor logits(Ops ops, Tensor first, Tensor second, float temperature) {
    MathOps m = ops.math();
    Tensor all = unit(ops, ops.shape().concat(List.of(first, second), 0));
    Tensor similarity = m.scale(m.matmul(all, ops.shape().transpose(all, 1, 0)), 1f / temperature);
    int views = all.dim(0);
    float[] self = new float[views * views];
    for (int i = 0; i < views; i++) {
      self[i * views + i] = EXCLUDED;
    }
    return m.sub(similarity, ops.constant(new HostTensor(self, new int[] {views, views})));
  }

  /** The loss from {@link #logits}. */
  static Tensor loss(Ops ops, Tensor logits) {
    return ops.losses().sparseSoftmaxCrossEntropy(logits, ops.constant(partners(logits.dim(0) / 2)));
  }

  /** The share of views whose partner has the largest similarity among the others. */
  static Tensor accuracy(Ops ops, Tensor logits) {
    MathOps m = ops.math();
    int views = logits.dim(0);
    Tensor partner = m.sum(m.mul(logits, ops.shape().oneHot(ops.constant(partners(views / 2)), views)), false, 1);
    return m.mean(m.greater(m.addScalar(partner, 1e-6f), m.max(logits, false, 1)));
  }

  private static Tensor unit(Ops ops, Tensor z) {
    MathOps m = ops.math();
    return m.div(z, m.sqrt(m.addScalar(m.sum(m.square(z), true, 1), 1e-12f)));
  }
}
