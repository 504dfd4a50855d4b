package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;

/** Runs a {@link CompiledFunction} over a whole image set in batches and joins the outputs. */
public final class BatchedInference {
  private BatchedInference() {}

  /**
   * Feeds every image of {@code images} as input {@code x} and returns output {@code output} for all
   * of them, stacked along the first dimension.
   */
  public static HostTensor map(CompiledFunction function, ImageSet images, String output, int batchSize) {
    return map(function, images.size(), idx -> images.images(idx), "x", output, batchSize);
  }

  /**
   * Feeds the rows of {@code inputs} ({@code [n, ...]}, e.g. codes for a decoder) as input {@code input}
   * and returns output {@code output} for all of them, stacked along the first dimension.
   */
  public static HostTensor map(CompiledFunction function, HostTensor inputs, String input, String output,
      int batchSize) {
    int n = inputs.shape()[0];
    int row = inputs.rowSize();
    return map(function, n, idx -> {
      int[] shape = inputs.shape().clone();
      shape[0] = idx.length;
      float[] v = new float[idx.length * row];
      System.arraycopy(inputs.data(), idx[0] * row, v, 0, v.length);
      return new HostTensor(v, shape);
    }, input, output, batchSize);
  }

  /** Rows {@code from..to} (consecutive indices) of the inputs as one tensor. */
  private interface Rows {
    HostTensor get(int[] consecutive);
  }

  private static HostTensor map(CompiledFunction function, int n, Rows rows, String input, String output,
      int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (was " + batchSize + ")");
    }
    float[] joined = null;
    int[] shape = null;
    int row = 0;
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      HostTensor out = function.apply(Map.of(input, rows.get(idx))).get(output);
      if (out == null) {
        throw new IllegalArgumentException("function has no output '" + output + "'");
      }
      if (joined == null) {
        row = out.rowSize();
        shape = out.shape().clone();
        shape[0] = n;
        joined = new float[n * row];
      }
      System.arraycopy(out.data(), 0, joined, from * row, out.data().length);
    }
    return new HostTensor(joined == null ? new float[0] : joined, shape == null ? new int[] {0} : shape);
  }
}
