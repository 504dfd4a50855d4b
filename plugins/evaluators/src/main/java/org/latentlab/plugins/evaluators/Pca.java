package org.latentlab.plugins.evaluators;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Principal component analysis of row-major data {@code [n, d]}: the eigen-decomposition (EJML,
 * symmetric) of the covariance matrix of the centred rows. Components are sorted by decreasing
 * variance and each is signed so that its largest-magnitude entry is positive, so a fit is
 * reproducible.
 *
 * @param mean       the mean row, {@code d} values
 * @param components row-major {@code [d, d]}: row k is the k-th principal direction (unit length)
 * @param variances  the variance along each component (eigenvalues, >= 0, decreasing)
 */
record Pca(double[] mean, double[] components, double[] variances) {

  /** Fits the PCA of {@code n} rows of {@code d} values. */
  static Pca fit(double[] data, int n, int d) {
    if (n < 1 || d < 1 || data.length != n * d) {
      throw new IllegalArgumentException("PCA needs n >= 1 rows of d >= 1 values (got " + data.length
          + " values for " + n + " x " + d + ")");
    }
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += data[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    double[] c = centred.data;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        c[i * d + j] = data[i * d + j] - mean[j];
      }
    }
    DMatrixRMaj covariance = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multInner(centred, covariance);
    CommonOps_DDRM.scale(1.0 / Math.max(1, n - 1), covariance);

    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
    if (!eig.decompose(covariance)) {
      throw new IllegalStateException("PCA: the eigen-decomposition of the " + d + "x" + d
          + " covariance matrix did not converge");
    }
    Integer[] order = new Integer[d];
    double[] values = new double[d];
    for (int k = 0; k < d; k++) {
      order[k] = k;
      values[k] = Math.max(0, eig.getEigenvalue(k).getReal());
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(values[b], values[a]));
    double[] components = new double[d * d];
    double[] variances = new double[d];
    for (int k = 0; k < d; k++) {
      DMatrixRMaj v = eig.getEigenVector(order[k]);
      variances[k] = values[order[k]];
      double norm = 0;
      int largest = 0;
      for (int j = 0; j < d; j++) {
        norm += v.data[j] * v.data[j];
        if (Math.abs(v.data[j]) > Math.abs(v.data[largest])) {
          largest = j;
        }
      }
      double scale = (v.data[largest] < 0 ? -1 : 1) / Math.sqrt(norm);
      for (int j = 0; j < d; j++) {
        components[k * d + j] = v.data[j] * scale;
      }
    }
    return new Pca(mean, components, variances);
  }

  /** Features per row. */
  int dim() {
    return mean.length;
  }

  /** The share of the total variance along the first {@code k} components (1 when there is no variance). */
  double explainedVariance(int k) {
    double total = 0;
    double first = 0;
    for (int i = 0; i < variances.length; i++) {
      total += variances[i];
      if (i < k) {
        first += variances[i];
      }
    }
    return total > 0 ? first / total : 1;
  }

  /** The k-th principal direction. */
  double[] component(int k) {
    return java.util.Arrays.copyOfRange(components, k * dim(), (k + 1) * dim());
  }

  /** The centred rows projected on the first {@code k} components (k at most d): row-major {@code [n, k]}. */
  double[] project(double[] data, int n, int k) {
    int d = dim();
    if (k > d) {
      throw new IllegalArgumentException("cannot project " + d + "-d data on " + k + " components");
    }
    double[] out = new double[n * k];
    double[] row = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        row[j] = data[i * d + j] - mean[j];
      }
      for (int c = 0; c < k; c++) {
        double s = 0;
        int base = c * d;
        for (int j = 0; j < d; j++) {
          s += row[j] * components[base + j];
        }
        out[i * k + c] = s;
      }
    }
    return out;
  }
}
