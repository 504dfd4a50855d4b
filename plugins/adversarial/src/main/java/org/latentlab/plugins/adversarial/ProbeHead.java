package org.latentlab.plugins.adversarial;

import java.util.Arrays;
import java.util.List;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * A probe fitted by {@link MlpProbe}, held on the host: the standardisation of its input
 * ({@code (z - mean) / sd}) and its dense layers ({@code [W, b]} for a linear probe, {@code [W1, b1, W2, b2]}
 * with a ReLU between for an MLP). It scores features on the host and runs inside any inference function as
 * constants, e.g. on top of a model's encoder to be attacked.
 *
 * @param moments the training features' per-column means and standard deviations ({@code [2][dim]})
 * @param layers  weights {@code [in, out]} and biases {@code [out]}, alternating
 */
record ProbeHead(float[][] moments, List<HostTensor> layers) {

  /** Copies the layers. */
  ProbeHead {
    layers = List.copyOf(layers);
  }

  /** The logits {@code [n, classes]} of features {@code z} ({@code [n, dim]}), trace-safe. */
  Tensor logits(Ops ops, Tensor z) {
    MathOps m = ops.math();
    int dim = moments[0].length;
    Tensor h = m.div(m.sub(z, ops.constant(new HostTensor(moments[0].clone(), new int[] {1, dim}))),
        ops.constant(new HostTensor(moments[1].clone(), new int[] {1, dim})));
    for (int l = 0; l < layers.size(); l += 2) {
      h = m.add(m.matmul(h, ops.constant(layers.get(l))), ops.constant(layers.get(l + 1)));
      if (l + 2 < layers.size()) {
        h = ops.nn().relu(h);
      }
    }
    return h;
  }

  /** The share of rows of {@code features} whose largest logit is at their label. */
  double accuracy(Features features, int[] labels) {
    Features x = features.standardised(moments);
    int correct = 0;
    for (int r = 0; r < x.rows(); r++) {
      float[] h = Arrays.copyOfRange(x.values(), r * x.dim(), (r + 1) * x.dim());
      for (int l = 0; l < layers.size(); l += 2) {
        h = dense(h, layers.get(l), layers.get(l + 1), l + 2 < layers.size());
      }
      int best = 0;
      for (int k = 1; k < h.length; k++) {
        best = h[k] > h[best] ? k : best;
      }
      correct += best == labels[r] ? 1 : 0;
    }
    return x.rows() == 0 ? 0 : (double) correct / x.rows();
  }

  private static float[] dense(float[] in, HostTensor weight, HostTensor bias, boolean relu) {
    int out = bias.size();
    float[] y = bias.data().clone();
    for (int i = 0; i < in.length; i++) {
      float v = in[i];
      if (v != 0) {
        for (int j = 0; j < out; j++) {
          y[j] += v * weight.data()[i * out + j];
        }
      }
    }
    if (relu) {
      for (int j = 0; j < out; j++) {
        y[j] = Math.max(0, y[j]);
      }
    }
    return y;
  }
}
