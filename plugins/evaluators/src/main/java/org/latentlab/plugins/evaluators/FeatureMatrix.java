package org.latentlab.plugins.evaluators;

import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;

/**
 * Row-major features {@code [n, d]} with their labels: what a probe is fitted on.
 *
 * @param values {@code n * d} values
 * @param labels class index per row
 * @param dim    features per row
 */
record FeatureMatrix(float[] values, int[] labels, int dim) {

  int rows() {
    return labels.length;
  }

  /** Features from a function output {@code [n, ...]}, flattened per row. */
  static FeatureMatrix of(HostTensor features, int[] labels) {
    return new FeatureMatrix(features.data(), labels, features.rowSize());
  }

  /** The raw pixels of an image set. */
  static FeatureMatrix pixels(ImageSet images) {
    return new FeatureMatrix(images.pixels(), images.labels(), images.imageSize());
  }

  /** The rows at {@code indices}. */
  FeatureMatrix subset(int[] indices) {
    float[] v = new float[indices.length * dim];
    int[] l = new int[indices.length];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * dim, v, i * dim, dim);
      l[i] = labels[indices[i]];
    }
    return new FeatureMatrix(v, l, dim);
  }

  /** Rows {@code i} as a {@code [n, d]} tensor for the rows at {@code indices}. */
  HostTensor rowsTensor(int[] indices) {
    float[] v = new float[indices.length * dim];
    for (int i = 0; i < indices.length; i++) {
      System.arraycopy(values, indices[i] * dim, v, i * dim, dim);
    }
    return new HostTensor(v, new int[] {indices.length, dim});
  }

  /** Labels of the rows at {@code indices} as a float tensor. */
  HostTensor labelTensor(int[] indices) {
    float[] v = new float[indices.length];
    for (int i = 0; i < indices.length; i++) {
      v[i] = labels[indices[i]];
    }
    return new HostTensor(v, new int[] {indices.length});
  }
}
