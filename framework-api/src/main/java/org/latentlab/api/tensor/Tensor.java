package org.latentlab.api.tensor;

/**
 * An opaque handle to a value owned by a backend: an eager array on DJL, a graph output on TensorFlow.
 *
 * <p>Model code never reads a tensor's values: a loss or inference function must stay trace-safe (no
 * reading values back into Java, no Java branching on them). Only the static {@link #shape()} is
 * available; a dimension of {@code -1} is unknown until run time (typically the batch dimension).
 * All tensors are 32-bit floats.
 */
public interface Tensor {

  /** The static shape; {@code -1} marks a dimension known only at run time. */
  int[] shape();

  /** Number of dimensions. */
  default int rank() {
    return shape().length;
  }

  /** Size of dimension {@code axis} (negative axes count from the end); {@code -1} if unknown. */
  default int dim(int axis) {
    int[] s = shape();
    return s[axis < 0 ? s.length + axis : axis];
  }
}
