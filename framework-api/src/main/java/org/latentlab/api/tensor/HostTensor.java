package org.latentlab.api.tensor;

import java.util.Arrays;
import java.util.Objects;

/**
 * A dense float array on the host with its shape, in row-major (C) order. This is how values cross
 * the boundary between plugins and backends: batches go in, parameters and function outputs come out.
 *
 * @param data  the values, row-major; not copied
 * @param shape the shape; its product must equal {@code data.length}
 */
public record HostTensor(float[] data, int[] shape) {

  /** Checks that the shape matches the data. */
  public HostTensor {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(shape, "shape");
    long n = Shapes.size(shape);
    if (n != data.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " holds " + n + " values but data has " + data.length);
    }
  }

  /** A scalar (rank 0). */
  public static HostTensor scalar(float value) {
    return new HostTensor(new float[] {value}, new int[0]);
  }

  /** A tensor of zeros. */
  public static HostTensor zeros(int... shape) {
    return new HostTensor(new float[Math.toIntExact(Shapes.size(shape))], shape.clone());
  }

  /** A tensor holding {@code data} with the given shape. */
  public static HostTensor of(int[] shape, float... data) {
    return new HostTensor(data, shape);
  }

  /** Number of values. */
  public int size() {
    return data.length;
  }

  /** The single value of a one-element tensor. */
  public float item() {
    if (data.length != 1) {
      throw new IllegalStateException("item() needs one value, tensor has shape " + Arrays.toString(shape));
    }
    return data[0];
  }

  /** Rows {@code [from, to)} along the first dimension, copied. */
  public HostTensor rows(int from, int to) {
    int row = rowSize();
    int[] s = shape.clone();
    s[0] = to - from;
    return new HostTensor(Arrays.copyOfRange(data, from * row, to * row), s);
  }

  /** Number of values in one slice along the first dimension. */
  public int rowSize() {
    return shape.length == 0 ? 1 : data.length / Math.max(1, shape[0]);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HostTensor h && Arrays.equals(data, h.data) && Arrays.equals(shape, h.shape);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(data) + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "HostTensor" + Arrays.toString(shape);
  }
}
