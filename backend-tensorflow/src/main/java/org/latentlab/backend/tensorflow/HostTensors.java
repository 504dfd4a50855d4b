package org.latentlab.backend.tensorflow;

import org.latentlab.api.tensor.HostTensor;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between host arrays and TensorFlow tensors. */
final class HostTensors {
  private HostTensors() {}

  /** A new TensorFlow tensor holding a copy of {@code h}; the caller closes it. */
  static TFloat32 toTf(HostTensor h) {
    return TFloat32.tensorOf(shapeOf(h.shape()), DataBuffers.of(h.data(), true, false));
  }

  /** A host copy of a float tensor. */
  static HostTensor toHost(Tensor t) {
    if (!(t instanceof TFloat32 f)) {
      throw new IllegalStateException("expected a float32 result, got " + t.dataType());
    }
    long[] dims = f.shape().asArray();
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = Math.toIntExact(dims[i]);
    }
    float[] data = new float[Math.toIntExact(f.size())];
    f.copyTo(DataBuffers.of(data, false, false));
    return new HostTensor(data, shape);
  }

  static Shape shapeOf(int... dims) {
    long[] s = new long[dims.length];
    for (int i = 0; i < dims.length; i++) {
      s[i] = dims[i];
    }
    return Shape.of(s);
  }
}
