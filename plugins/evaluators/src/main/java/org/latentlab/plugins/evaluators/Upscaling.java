package org.latentlab.plugins.evaluators;

import org.latentlab.api.tensor.HostTensor;

/**
 * The classical upscalings a super-resolution model is compared with, on the host: nearest neighbour and bicubic
 * convolution with the Keys (1981) kernel at {@code a = -0.5},
 * {@code W(t) = (a + 2)|t|^3 - (a + 3)|t|^2 + 1} for {@code |t| <= 1},
 * {@code a|t|^3 - 5a|t|^2 + 8a|t| - 4a} for {@code 1 < |t| < 2}, 0 beyond (what MATLAB's and PIL's bicubic use).
 * Output pixel {@code i} samples the input at {@code (i + 0.5) / f - 0.5} (pixel centres aligned, as for an
 * area-downsampled image), edge pixels repeat beyond the border, and the result is clipped to [0, 1] like stored
 * images. The kernel's weights sum to 1 at every offset, so a constant image stays constant, and it reproduces
 * linear ramps away from the border.
 */
final class Upscaling {
  private static final double A = -0.5;

  private Upscaling() {}

  /** Each pixel of {@code images [n, c, h, w]} repeated as an {@code f x f} block: {@code [n, c, f h, f w]}. */
  static HostTensor nearest(HostTensor images, int factor) {
    int[] s = images.shape();
    int h = s[2];
    int w = s[3];
    float[] in = images.data();
    float[] out = new float[in.length * factor * factor];
    for (int plane = 0; plane < s[0] * s[1]; plane++) {
      for (int y = 0; y < h * factor; y++) {
        for (int x = 0; x < w * factor; x++) {
          out[(plane * h * factor + y) * w * factor + x] = in[(plane * h + y / factor) * w + x / factor];
        }
      }
    }
    return new HostTensor(out, new int[] {s[0], s[1], h * factor, w * factor});
  }

  /** Bicubic upscaling of {@code images [n, c, h, w]} by {@code factor}: {@code [n, c, f h, f w]} in [0, 1]. */
  static HostTensor bicubic(HostTensor images, int factor) {
    int[] s = images.shape();
    int h = s[2];
    int w = s[3];
    int oh = h * factor;
    int ow = w * factor;
    Taps rows = Taps.of(h, factor);
    Taps cols = Taps.of(w, factor);
    float[] in = images.data();
    float[] out = new float[s[0] * s[1] * oh * ow];
    double[] horizontal = new double[h * ow];
    for (int plane = 0; plane < s[0] * s[1]; plane++) {
      int base = plane * h * w;
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < ow; x++) {
          double v = 0;
          for (int k = 0; k < 4; k++) {
            v += cols.weight[x][k] * in[base + y * w + cols.index[x][k]];
          }
          horizontal[y * ow + x] = v;
        }
      }
      for (int y = 0; y < oh; y++) {
        for (int x = 0; x < ow; x++) {
          double v = 0;
          for (int k = 0; k < 4; k++) {
            v += rows.weight[y][k] * horizontal[rows.index[y][k] * ow + x];
          }
          out[(plane * oh + y) * ow + x] = (float) Math.min(1, Math.max(0, v));
        }
      }
    }
    return new HostTensor(out, new int[] {s[0], s[1], oh, ow});
  }

  /** The Keys kernel {@code W(t)} at {@code a = -0.5}. */
  static double keys(double t) {
    double u = Math.abs(t);
    if (u <= 1) {
      return ((A + 2) * u - (A + 3)) * u * u + 1;
    }
    if (u < 2) {
      return ((A * u - 5 * A) * u + 8 * A) * u - 4 * A;
    }
    return 0;
  }

  /** For each output position along one axis: the four input indices (clamped to the border) and their weights. */
  private record Taps(int[][] index, double[][] weight) {
    static Taps of(int size, int factor) {
      int out = size * factor;
      int[][] index = new int[out][4];
      double[][] weight = new double[out][4];
      for (int i = 0; i < out; i++) {
        double source = (i + 0.5) / factor - 0.5;
        int left = (int) Math.floor(source);
        for (int k = 0; k < 4; k++) {
          int j = left - 1 + k;
          index[i][k] = Math.min(size - 1, Math.max(0, j));
          weight[i][k] = keys(source - j);
        }
      }
      return new Taps(index, weight);
    }
  }
}
