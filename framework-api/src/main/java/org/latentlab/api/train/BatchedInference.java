package org.latentlab.api.train;

import java.util.LinkedHashMap;
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
   * Feeds every image of {@code images} as input {@code x} and returns every output of the function for
   * all of them, each stacked along the first dimension (an encoder's code and its block outputs in one
   * pass), in the function's output order.
   */
  public static Map<String, HostTensor> mapAll(CompiledFunction function, ImageSet images, int batchSize) {
    return mapAll(function, images.size(), idx -> images.images(idx), "x", batchSize);
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
    CompiledFunction one = in -> {
      HostTensor out = function.apply(in).get(output);
      if (out == null) {
        throw new IllegalArgumentException("function has no output '" + output + "'");
      }
      return Map.of(output, out);
    };
    return mapAll(one, n, rows, input, batchSize).getOrDefault(output, new HostTensor(new float[0], new int[] {0}));
  }

  private static Map<String, HostTensor> mapAll(CompiledFunction function, int n, Rows rows, String input,
      int batchSize) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (was " + batchSize + ")");
    }
    Map<String, float[]> joined = new LinkedHashMap<>();
    Map<String, int[]> shapes = new LinkedHashMap<>();
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      for (Map.Entry<String, HostTensor> e : function.apply(Map.of(input, rows.get(idx))).entrySet()) {
        HostTensor out = e.getValue();
        int row = out.rowSize();
        float[] all = joined.computeIfAbsent(e.getKey(), k -> {
          int[] shape = out.shape().clone();
          shape[0] = n;
          shapes.put(k, shape);
          return new float[n * row];
        });
        System.arraycopy(out.data(), 0, all, from * row, out.data().length);
      }
    }
    Map<String, HostTensor> result = new LinkedHashMap<>();
    joined.forEach((k, v) -> result.put(k, new HostTensor(v, shapes.get(k))));
    return result;
  }
}
