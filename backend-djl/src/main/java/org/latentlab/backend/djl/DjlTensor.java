package org.latentlab.backend.djl;

import ai.djl.ndarray.NDArray;
import org.latentlab.api.tensor.Tensor;

/** A {@link Tensor} backed by an eager DJL {@link NDArray}. */
record DjlTensor(NDArray array) implements Tensor {
  @Override
  public int[] shape() {
    long[] s = array.getShape().getShape();
    int[] out = new int[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = Math.toIntExact(s[i]);
    }
    return out;
  }

  /** The array behind {@code t}; fails clearly for tensors of another backend. */
  static NDArray of(Tensor t) {
    if (t instanceof DjlTensor d) {
      return d.array();
    }
    throw new IllegalArgumentException("not a DJL tensor: " + t + " (tensors cannot cross backends or sessions)");
  }
}
