package org.latentlab.backend.tensorflow;

import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** A graph output standing for a {@link Tensor}; its static shape is read once from the graph. */
final class TfTensor implements Tensor {
  private final Operand<TFloat32> operand;
  private final int[] shape;

  TfTensor(Operand<TFloat32> operand) {
    this.operand = operand;
    long[] dims = operand.shape().asArray();
    if (dims == null) {
      throw new IllegalStateException("the graph cannot infer the rank of " + operand.op().name());
    }
    this.shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Math.toIntExact(dims[i]);
    }
  }

  Operand<TFloat32> operand() {
    return operand;
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The graph output behind {@code t}; fails clearly for tensors of another backend. */
  static Operand<TFloat32> of(Tensor t) {
    if (t instanceof TfTensor tf) {
      return tf.operand;
    }
    throw new IllegalArgumentException("not a tensorflow tensor: " + (t == null ? "null" : t.getClass().getName())
        + " (tensors cannot cross backends or sessions)");
  }
}
