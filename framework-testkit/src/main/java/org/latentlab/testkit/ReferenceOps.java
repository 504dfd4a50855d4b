package org.latentlab.testkit;

import org.latentlab.api.tensor.HostTensor;

/**
 * Naive, obviously-correct implementations of ops on host arrays (matrix product, convolution,
 * transposed convolution, pooling, batch normalisation): the known answers a backend's kernels and the
 * layers are checked against. Other backends' tests and plugin tests may reuse them.
 */
public final class ReferenceOps {
  private ReferenceOps() {}

  /** Cross-correlation: {@code x [n,ci,h,w]}, {@code w [co,ci,k,k]}. */
  public static HostTensor conv2d(HostTensor x, HostTensor w, int stride, int padding) {
    int n = x.shape()[0];
    int ci = x.shape()[1];
    int h = x.shape()[2];
    int wd = x.shape()[3];
    int co = w.shape()[0];
    int k = w.shape()[2];
    int oh = (h + 2 * padding - k) / stride + 1;
    int ow = (wd + 2 * padding - k) / stride + 1;
    float[] out = new float[n * co * oh * ow];
    for (int b = 0; b < n; b++) {
      for (int o = 0; o < co; o++) {
        for (int y = 0; y < oh; y++) {
          for (int xx = 0; xx < ow; xx++) {
            double s = 0;
            for (int c = 0; c < ci; c++) {
              for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                  int iy = y * stride - padding + ky;
                  int ix = xx * stride - padding + kx;
                  if (iy >= 0 && iy < h && ix >= 0 && ix < wd) {
                    s += x.data()[((b * ci + c) * h + iy) * wd + ix] * w.data()[((o * ci + c) * k + ky) * k + kx];
                  }
                }
              }
            }
            out[((b * co + o) * oh + y) * ow + xx] = (float) s;
          }
        }
      }
    }
    return new HostTensor(out, new int[] {n, co, oh, ow});
  }

  /**
   * Transposed convolution by its definition: each input pixel scatters {@code x * w} into the
   * output at {@code i * stride - padding + k}. {@code x [n,ci,h,w]}, {@code w [ci,co,k,k]}.
   */
  public static HostTensor convTranspose2d(HostTensor x, HostTensor w, int stride, int padding, int outputPadding) {
    int n = x.shape()[0];
    int ci = x.shape()[1];
    int h = x.shape()[2];
    int wd = x.shape()[3];
    int co = w.shape()[1];
    int k = w.shape()[2];
    int oh = (h - 1) * stride - 2 * padding + k + outputPadding;
    int ow = (wd - 1) * stride - 2 * padding + k + outputPadding;
    double[] acc = new double[n * co * oh * ow];
    for (int b = 0; b < n; b++) {
      for (int c = 0; c < ci; c++) {
        for (int iy = 0; iy < h; iy++) {
          for (int ix = 0; ix < wd; ix++) {
            double v = x.data()[((b * ci + c) * h + iy) * wd + ix];
            for (int o = 0; o < co; o++) {
              for (int ky = 0; ky < k; ky++) {
                for (int kx = 0; kx < k; kx++) {
                  int y = iy * stride - padding + ky;
                  int xx = ix * stride - padding + kx;
                  if (y >= 0 && y < oh && xx >= 0 && xx < ow) {
                    acc[((b * co + o) * oh + y) * ow + xx] += v * w.data()[((c * co + o) * k + ky) * k + kx];
                  }
                }
              }
            }
          }
        }
      }
    }
    float[] out = new float[acc.length];
    for (int i = 0; i < acc.length; i++) {
      out[i] = (float) acc[i];
    }
    return new HostTensor(out, new int[] {n, co, oh, ow});
  }

  /** Max ({@code max = true}) or average pooling; padding counts as {@code -inf} / zero respectively. */
  public static HostTensor pool2d(HostTensor x, int kernel, int stride, int padding, boolean max) {
    int n = x.shape()[0];
    int c = x.shape()[1];
    int h = x.shape()[2];
    int w = x.shape()[3];
    int oh = (h + 2 * padding - kernel) / stride + 1;
    int ow = (w + 2 * padding - kernel) / stride + 1;
    float[] out = new float[n * c * oh * ow];
    for (int p = 0; p < n * c; p++) {
      for (int y = 0; y < oh; y++) {
        for (int xx = 0; xx < ow; xx++) {
          double best = Double.NEGATIVE_INFINITY;
          double sum = 0;
          for (int ky = 0; ky < kernel; ky++) {
            for (int kx = 0; kx < kernel; kx++) {
              int iy = y * stride - padding + ky;
              int ix = xx * stride - padding + kx;
              if (iy >= 0 && iy < h && ix >= 0 && ix < w) {
                double v = x.data()[(p * h + iy) * w + ix];
                best = Math.max(best, v);
                sum += v;
              }
            }
          }
          out[(p * oh + y) * ow + xx] = (float) (max ? best : sum / (kernel * kernel));
        }
      }
    }
    return new HostTensor(out, new int[] {n, c, oh, ow});
  }

  /** Matrix product {@code [m, k] x [k, n]}. */
  public static HostTensor matmul(HostTensor a, HostTensor b) {
    int m = a.shape()[0];
    int k = a.shape()[1];
    int n = b.shape()[1];
    float[] out = new float[m * n];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < n; j++) {
        double sum = 0;
        for (int l = 0; l < k; l++) {
          sum += a.data()[i * k + l] * b.data()[l * n + j];
        }
        out[i * n + j] = (float) sum;
      }
    }
    return new HostTensor(out, new int[] {m, n});
  }

  /** {@code x [n, c, ...]} plus {@code bias[c]} on every element of channel {@code c} (also {@code [n, c]}). */
  public static HostTensor addChannelBias(HostTensor x, HostTensor bias) {
    int c = x.shape()[1];
    int inner = x.size() / (x.shape()[0] * c);
    float[] out = x.data().clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += bias.data()[(i / inner) % c];
    }
    return new HostTensor(out, x.shape());
  }

  /**
   * Batch normalisation of {@code x [n, c, h, w]} with per-channel {@code mean}, {@code var} and
   * {@code gamma}, {@code beta}: {@code gamma (x - mean) / sqrt(var + eps) + beta}.
   */
  public static HostTensor batchNorm(HostTensor x, double[] mean, double[] var, double[] gamma, double[] beta,
      double eps) {
    int c = x.shape()[1];
    int inner = x.size() / (x.shape()[0] * c);
    float[] out = new float[x.size()];
    for (int i = 0; i < out.length; i++) {
      int ch = (i / inner) % c;
      out[i] = (float) (gamma[ch] * (x.data()[i] - mean[ch]) / Math.sqrt(var[ch] + eps) + beta[ch]);
    }
    return new HostTensor(out, x.shape());
  }

  /** Per-channel mean ({@code [0]}) and biased variance ({@code [1]}) of {@code x [n, c, h, w]}. */
  public static double[][] channelMoments(HostTensor x) {
    int c = x.shape()[1];
    int inner = x.size() / (x.shape()[0] * c);
    double count = (double) x.size() / c;
    double[] mean = new double[c];
    double[] var = new double[c];
    for (int i = 0; i < x.size(); i++) {
      mean[(i / inner) % c] += x.data()[i] / count;
    }
    for (int i = 0; i < x.size(); i++) {
      double d = x.data()[i] - mean[(i / inner) % c];
      var[(i / inner) % c] += d * d / count;
    }
    return new double[][] {mean, var};
  }
}
