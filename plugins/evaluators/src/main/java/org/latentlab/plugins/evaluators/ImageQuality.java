package org.latentlab.plugins.evaluators;

import org.latentlab.api.tensor.HostTensor;

/**
 * Full-reference image quality for images with values in [0, 1], averaged per image over a batch
 * {@code [n, c, h, w]}:
 * <ul>
 *   <li>PSNR {@code = 10 log10(1 / MSE)} dB per image, capped at {@value #MAX_PSNR} dB (identical images);</li>
 *   <li>SSIM (Wang, Bovik, Sheikh &amp; Simoncelli, "Image Quality Assessment: From Error Visibility to Structural
 *       Similarity", IEEE TIP 2004): {@code ((2 mu_x mu_y + C1)(2 s_xy + C2)) / ((mu_x^2 + mu_y^2 + C1)(s_x^2 +
 *       s_y^2 + C2))} with local statistics under an 11x11 Gaussian window of sigma 1.5, {@code C1 = (0.01 L)^2},
 *       {@code C2 = (0.03 L)^2}, {@code L = 1}, averaged over the window positions inside the image (the paper's
 *       "valid" map) and over channels.</li>
 * </ul>
 */
final class ImageQuality {
  /** PSNR reported for identical images, in dB. */
  static final double MAX_PSNR = 100;
  /** Side of the SSIM window. */
  static final int WINDOW = 11;
  private static final double SIGMA = 1.5;
  private static final double C1 = 0.01 * 0.01;
  private static final double C2 = 0.03 * 0.03;
  private static final double[] GAUSSIAN = gaussian();

  private ImageQuality() {}

  /** Mean over images of each image's PSNR in dB against its reference. */
  static double meanPsnr(HostTensor images, HostTensor reference) {
    check(images, reference);
    int n = images.shape()[0];
    int per = images.rowSize();
    double total = 0;
    for (int i = 0; i < n; i++) {
      double se = 0;
      for (int p = i * per; p < (i + 1) * per; p++) {
        double d = images.data()[p] - reference.data()[p];
        se += d * d;
      }
      double mse = se / per;
      total += mse == 0 ? MAX_PSNR : Math.min(MAX_PSNR, 10 * Math.log10(1 / mse));
    }
    return total / n;
  }

  /** Mean over images and channels of the SSIM against the reference. */
  static double meanSsim(HostTensor images, HostTensor reference) {
    check(images, reference);
    int[] s = images.shape();
    int h = s[2];
    int w = s[3];
    if (h < WINDOW || w < WINDOW) {
      throw new IllegalArgumentException("SSIM needs images of at least " + WINDOW + "x" + WINDOW + " pixels (got "
          + h + "x" + w + ")");
    }
    int planes = s[0] * s[1];
    double total = 0;
    for (int plane = 0; plane < planes; plane++) {
      total += ssim(images.data(), reference.data(), plane * h * w, h, w);
    }
    return total / planes;
  }

  /** SSIM of one {@code h x w} plane starting at {@code offset} in both arrays. */
  private static double ssim(float[] a, float[] b, int offset, int h, int w) {
    double sum = 0;
    int positions = 0;
    for (int y = 0; y + WINDOW <= h; y++) {
      for (int x = 0; x + WINDOW <= w; x++) {
        double ma = 0;
        double mb = 0;
        double aa = 0;
        double bb = 0;
        double ab = 0;
        for (int dy = 0; dy < WINDOW; dy++) {
          for (int dx = 0; dx < WINDOW; dx++) {
            double g = GAUSSIAN[dy] * GAUSSIAN[dx];
            double va = a[offset + (y + dy) * w + x + dx];
            double vb = b[offset + (y + dy) * w + x + dx];
            ma += g * va;
            mb += g * vb;
            aa += g * va * va;
            bb += g * vb * vb;
            ab += g * va * vb;
          }
        }
        double va = aa - ma * ma;
        double vb = bb - mb * mb;
        double cov = ab - ma * mb;
        sum += (2 * ma * mb + C1) * (2 * cov + C2) / ((ma * ma + mb * mb + C1) * (va + vb + C2));
        positions++;
      }
    }
    return sum / positions;
  }

  /** The normalised 1-D Gaussian of the window (the 2-D window is its outer product). */
  private static double[] gaussian() {
    double[] g = new double[WINDOW];
    double total = 0;
    for (int i = 0; i < WINDOW; i++) {
      double t = i - (WINDOW - 1) / 2.0;
      g[i] = Math.exp(-t * t / (2 * SIGMA * SIGMA));
      total += g[i];
    }
    for (int i = 0; i < WINDOW; i++) {
      g[i] /= total;
    }
    return g;
  }

  private static void check(HostTensor images, HostTensor reference) {
    if (!java.util.Arrays.equals(images.shape(), reference.shape()) || images.shape().length != 4) {
      throw new IllegalArgumentException("image quality needs two [n, c, h, w] batches of one shape (got "
          + java.util.Arrays.toString(images.shape()) + " and " + java.util.Arrays.toString(reference.shape()) + ")");
    }
  }
}
