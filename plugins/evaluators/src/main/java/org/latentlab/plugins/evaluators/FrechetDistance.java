package org.latentlab.plugins.evaluators;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.latentlab.api.tensor.HostTensor;

/**
 * The Frechet distance between Gaussians fitted to two sets of feature rows (Dowson &amp; Landau 1982; as
 * FID, Heusel et al. 2017): {@code ||mu1 - mu2||^2 + tr(S1) + tr(S2) - 2 tr((S1 S2)^(1/2))}. The trace of the
 * matrix square root is computed from the symmetric form {@code tr((S1^(1/2) S2 S1^(1/2))^(1/2))} = the sum
 * of the square roots of its eigenvalues (EJML's symmetric eigen-decomposition; tiny negative eigenvalues
 * from rounding count as 0), which avoids the non-symmetric square root.
 */
final class FrechetDistance {
  private FrechetDistance() {}

  /** The distance between the rows of {@code a [n, d]} and of {@code b [m, d]} (each needs 2 rows or more). */
  static double between(HostTensor a, HostTensor b) {
    if (a.rowSize() != b.rowSize() || a.shape()[0] < 2 || b.shape()[0] < 2) {
      throw new IllegalArgumentException("need two sets of at least 2 rows of the same width, got "
          + java.util.Arrays.toString(a.shape()) + " and " + java.util.Arrays.toString(b.shape()));
    }
    double[] meanA = Moments.mean(a);
    double[] meanB = Moments.mean(b);
    DMatrixRMaj covA = Moments.covariance(a, meanA);
    DMatrixRMaj covB = Moments.covariance(b, meanB);
    double meanTerm = 0;
    for (int j = 0; j < meanA.length; j++) {
      meanTerm += (meanA[j] - meanB[j]) * (meanA[j] - meanB[j]);
    }
    DMatrixRMaj rootA = squareRoot(covA);
    DMatrixRMaj product = new DMatrixRMaj(covA.numRows, covA.numCols);
    DMatrixRMaj tmp = new DMatrixRMaj(covA.numRows, covA.numCols);
    CommonOps_DDRM.mult(rootA, covB, tmp);
    CommonOps_DDRM.mult(tmp, rootA, product);
    symmetrise(product);
    double traceRoot = 0;
    for (double lambda : eigenvalues(product)) {
      traceRoot += Math.sqrt(Math.max(0, lambda));
    }
    return Math.max(0, meanTerm + CommonOps_DDRM.trace(covA) + CommonOps_DDRM.trace(covB) - 2 * traceRoot);
  }

  /** {@code V sqrt(L) V^T} of a symmetric positive semi-definite matrix (eigenvalues clamped at 0). */
  private static DMatrixRMaj squareRoot(DMatrixRMaj symmetric) {
    int d = symmetric.numRows;
    EigenDecomposition_F64<DMatrixRMaj> eig = decompose(symmetric);
    DMatrixRMaj out = new DMatrixRMaj(d, d);
    for (int k = 0; k < d; k++) {
      double lambda = Math.max(0, eig.getEigenvalue(k).getReal());
      double f = Math.sqrt(lambda);
      DMatrixRMaj v = eig.getEigenVector(k);
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          out.add(i, j, f * v.get(i) * v.get(j));
        }
      }
    }
    return out;
  }

  private static double[] eigenvalues(DMatrixRMaj symmetric) {
    EigenDecomposition_F64<DMatrixRMaj> eig = decompose(symmetric);
    double[] values = new double[symmetric.numRows];
    for (int k = 0; k < values.length; k++) {
      values[k] = eig.getEigenvalue(k).getReal();
    }
    return values;
  }

  private static EigenDecomposition_F64<DMatrixRMaj> decompose(DMatrixRMaj symmetric) {
    EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(symmetric.numRows, true, true);
    if (!eig.decompose(symmetric.copy())) {
      throw new IllegalStateException("the eigen-decomposition of a " + symmetric.numRows + "x" + symmetric.numRows
          + " covariance did not converge");
    }
    return eig;
  }

  private static void symmetrise(DMatrixRMaj m) {
    for (int i = 0; i < m.numRows; i++) {
      for (int j = i + 1; j < m.numCols; j++) {
        double v = (m.get(i, j) + m.get(j, i)) / 2;
        m.set(i, j, v);
        m.set(j, i, v);
      }
    }
  }
}
