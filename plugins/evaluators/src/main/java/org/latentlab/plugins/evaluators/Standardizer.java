package org.latentlab.plugins.evaluators;

/**
 * Per-feature standardisation {@code (v - mean) / std} with statistics from the training rows only;
 * constant features (std below 1e-6, e.g. always-black border pixels) are only centred.
 */
final class Standardizer {
  private final float[] mean;
  private final float[] scale;

  private Standardizer(float[] mean, float[] scale) {
    this.mean = mean;
    this.scale = scale;
  }

  /** Statistics of {@code train}. */
  static Standardizer fit(FeatureMatrix train) {
    int d = train.dim();
    int n = train.rows();
    double[] sum = new double[d];
    double[] sq = new double[d];
    float[] v = train.values();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        double x = v[i * d + j];
        sum[j] += x;
        sq[j] += x * x;
      }
    }
    float[] mean = new float[d];
    float[] scale = new float[d];
    for (int j = 0; j < d; j++) {
      double m = sum[j] / n;
      double var = Math.max(0, sq[j] / n - m * m);
      double sd = Math.sqrt(var);
      mean[j] = (float) m;
      scale[j] = sd < 1e-6 ? 1f : (float) (1 / sd);
    }
    return new Standardizer(mean, scale);
  }

  /** A standardised copy of {@code m}. */
  FeatureMatrix apply(FeatureMatrix m) {
    int d = m.dim();
    float[] src = m.values();
    float[] out = new float[src.length];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < d; j++) {
        out[i * d + j] = (src[i * d + j] - mean[j]) * scale[j];
      }
    }
    return new FeatureMatrix(out, m.labels(), d);
  }
}
