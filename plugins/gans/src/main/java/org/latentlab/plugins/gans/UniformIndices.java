package org.latentlab.plugins.gans;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * Class indices drawn uniformly in the graph. {@code RandomOps} has no categorical draw, so an index in
 * {@code 0..k-1} is counted as how many of the thresholds {@code 1..k-1} lie below {@code u ~ U[0, k)}.
 */
final class UniformIndices {
  private UniformIndices() {}

  /** {@code n} indices uniform over {@code 0..k-1}, {@code [n]}, held as floats. Trace-safe. */
  static Tensor draw(Ops ops, int k, int n) {
    float[] thresholds = new float[k - 1];
    for (int j = 0; j < thresholds.length; j++) {
      thresholds[j] = j + 1;
    }
    Tensor u = ops.random().uniform(0f, k, n, 1);
    Tensor below = ops.math().greater(u, ops.constant(HostTensor.of(new int[] {1, k - 1}, thresholds)));
    return ops.math().sum(below, false, 1);
  }
}
