package org.latentlab.plugins.adversarial;

import java.util.Arrays;
import org.latentlab.api.tensor.HostTensor;

/**
 * Feature rows on the host, {@code rows x dim} row-major (codes or flattened pixels).
 *
 * @param values the rows one after another
 * @param rows   number of rows
 * @param dim    values per row
 */
record Features(float[] values, int rows, int dim) {

  /** Checks the size. */
  Features {
    if ((long) rows * dim != values.length) {
      throw new IllegalArgumentException("features hold " + values.length + " values, expected " + rows + " x " + dim);
    }
  }

  /** The rows of a {@code [n, ...]} tensor, flattened. */
  static Features of(HostTensor t) {
    return new Features(t.data(), t.shape()[0], t.rowSize());
  }

  /** The rows at {@code indices}. */
  Features subset(int[] indices) {
    float[] out = new float[indices.length * dim];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * dim, out, i * dim, dim);
    }
    return new Features(out, indices.length, dim);
  }

  /** The rows at {@code indices} as a {@code [k, dim]} tensor. */
  HostTensor tensor(int[] indices) {
    Features s = subset(indices);
    return new HostTensor(s.values(), new int[] {indices.length, dim});
  }

  /** Per-column means and standard deviations of these rows ({@code [2][dim]}; a constant column gets 1). */
  float[][] moments() {
    double[] mean = new double[dim];
    double[] sq = new double[dim];
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < dim; j++) {
        double v = values[r * dim + j];
        mean[j] += v / rows;
        sq[j] += v * v / rows;
      }
    }
    float[][] out = new float[2][dim];
    for (int j = 0; j < dim; j++) {
      double sd = Math.sqrt(Math.max(0, sq[j] - mean[j] * mean[j]));
      out[0][j] = (float) mean[j];
      out[1][j] = sd > 1e-6 ? (float) sd : 1f;
    }
    return out;
  }

  /** These rows standardised with {@code moments} (of the training rows). */
  Features standardised(float[][] moments) {
    float[] out = Arrays.copyOf(values, values.length);
    for (int r = 0; r < rows; r++) {
      for (int j = 0; j < dim; j++) {
        out[r * dim + j] = (out[r * dim + j] - moments[0][j]) / moments[1][j];
      }
    }
    return new Features(out, rows, dim);
  }
}
