package org.latentlab.plugins.evaluators;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.latentlab.api.tensor.HostTensor;

/** The mean and the unbiased covariance of the rows of a {@code [n, d]} tensor. */
final class Moments {
  private Moments() {}

  /** The mean row. */
  static double[] mean(HostTensor rows) {
    int n = rows.shape()[0];
    int d = rows.rowSize();
    double[] mean = new double[d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += rows.data()[i * d + j] / (double) n;
      }
    }
    return mean;
  }

  /** The covariance about {@code mean}, divided by {@code n - 1} (by 1 for a single row). */
  static DMatrixRMaj covariance(HostTensor rows, double[] mean) {
    int n = rows.shape()[0];
    int d = rows.rowSize();
    DMatrixRMaj centred = new DMatrixRMaj(n, d);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        centred.set(i, j, rows.data()[i * d + j] - mean[j]);
      }
    }
    DMatrixRMaj cov = new DMatrixRMaj(d, d);
    CommonOps_DDRM.multInner(centred, cov);
    CommonOps_DDRM.scale(1.0 / Math.max(1, n - 1), cov);
    return cov;
  }
}
