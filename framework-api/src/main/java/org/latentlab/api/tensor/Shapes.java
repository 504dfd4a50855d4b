package org.latentlab.api.tensor;

import java.util.Arrays;

/** Small helpers for shapes given as {@code int[]}. */
public final class Shapes {
  private Shapes() {}

  /** Product of the dimensions (1 for a scalar); fails on an unknown ({@code -1}) dimension. */
  public static long size(int... shape) {
    long n = 1;
    for (int d : shape) {
      if (d < 0) {
        throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has an unknown dimension");
      }
      n *= d;
    }
    return n;
  }

  /** Product of the dimensions after the first. */
  public static int featureSize(int... shape) {
    return Math.toIntExact(size(Arrays.copyOfRange(shape, 1, shape.length)));
  }

  /** Human-readable form, e.g. {@code [128, 1, 28, 28]}. */
  public static String str(int... shape) {
    return Arrays.toString(shape);
  }
}
