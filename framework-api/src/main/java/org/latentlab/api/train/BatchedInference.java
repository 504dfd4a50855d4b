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
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batchSize must be > 0 (was " + batchSize + ")");
    }
    int n = images.size();
    float[] joined = null;
    int[] shape = null;
    int row = 0;
    for (int from = 0; from < n; from += batchSize) {
      int to = Math.min(n, from + batchSize);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      HostTensor out = function.apply(Map.of("x", images.images(idx))).get(output);
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
