package org.latentlab.api.data;

import java.util.SplittableRandom;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.tensor.HostTensor;

/**
 * Random image augmentation on the host, for a model's {@code prepareBatch}: per image, an affine warp
 * (rotation, isotropic scale, translation) about the image centre with bilinear sampling and zero fill,
 * then an intensity change (a contrast factor {@code a} about the image's mean {@code m} and a brightness
 * offset {@code b}: {@code v -> clip(m + a (v - m) + b, 0, 1)}, the grey-level part of SimCLR's colour jitter),
 * then Cutout (DeVries &amp; Taylor 2017: a square of side {@code cutout} at a random centre set to 0, clipped at
 * the border), then Gaussian pixel noise clipped to [0, 1]. Every draw comes from the given generator, so a
 * batch prepared from the same seed is the same batch. A component whose level is 0 is skipped; with all 0
 * the images are returned unchanged.
 *
 * <p>Used for the weak and strong views of FixMatch (Sohn et al. 2020) and for the views of contrastive
 * pretext tasks; {@link #WEAK} and {@link #STRONG} are settings for 28x28 digits.
 *
 * @param maxRotationDegrees rotation uniform in {@code [-max, max]} degrees
 * @param maxShift           translation uniform in {@code [-max, max]} pixels, per axis
 * @param maxScaleChange     scale uniform in {@code [1 - max, 1 + max]}
 * @param cutout             side of the Cutout square in pixels (0: none)
 * @param noise              standard deviation of the Gaussian pixel noise (0: none)
 * @param maxBrightness      brightness offset {@code b} uniform in {@code [-max, max]} (0: none; boxed so that a
 *                           descriptor may leave it out: absent is 0)
 * @param maxContrastChange  contrast factor {@code a} uniform in {@code [1 - max, 1 + max]} (0: none; absent is 0)
 */
public record ImageAugmentation(double maxRotationDegrees, double maxShift, double maxScaleChange, int cutout,
    double noise, Double maxBrightness, Double maxContrastChange) {

  /** A small random translation (up to 2 pixels), as FixMatch's weak augmentation. */
  public static final ImageAugmentation WEAK = new ImageAugmentation(0, 2, 0, 0, 0);

  /** Rotation up to 20 degrees, translation up to 3 pixels, scale 0.85-1.15, an 8-pixel Cutout, noise 0.1. */
  public static final ImageAugmentation STRONG = new ImageAugmentation(20, 3, 0.15, 8, 0.1);

  /** Fills in 0 for absent intensity levels and checks the levels. */
  public ImageAugmentation {
    maxBrightness = maxBrightness == null ? 0.0 : maxBrightness;
    maxContrastChange = maxContrastChange == null ? 0.0 : maxContrastChange;
    if (maxRotationDegrees < 0 || maxShift < 0 || maxScaleChange < 0 || maxScaleChange >= 1 || cutout < 0
        || noise < 0 || maxBrightness < 0 || maxContrastChange < 0 || maxContrastChange >= 1) {
      throw new IllegalArgumentException("augmentation levels must be >= 0 (scale and contrast change < 1), got"
          + " rotation " + maxRotationDegrees + ", shift " + maxShift + ", scale change " + maxScaleChange
          + ", cutout " + cutout + ", noise " + noise + ", brightness " + maxBrightness + ", contrast change "
          + maxContrastChange);
    }
  }

  /** An augmentation without intensity change (as before the intensity levels were added). */
  public ImageAugmentation(double maxRotationDegrees, double maxShift, double maxScaleChange, int cutout,
      double noise) {
    this(maxRotationDegrees, maxShift, maxScaleChange, cutout, noise, 0.0, 0.0);
  }

  /** Whether this augmentation changes nothing. */
  public boolean isIdentity() {
    return maxRotationDegrees == 0 && maxShift == 0 && maxScaleChange == 0 && cutout == 0 && noise == 0
        && maxBrightness == 0 && maxContrastChange == 0;
  }

  /** A new batch: every image of {@code images [n, c, h, w]} augmented with its own draws. */
  public HostTensor apply(HostTensor images, SplittableRandom random) {
    int[] shape = images.shape();
    if (shape.length != 4) {
      throw new IllegalArgumentException("expected images [n, c, h, w], got shape " + java.util.Arrays.toString(shape));
    }
    if (isIdentity()) {
      return images;
    }
    int n = shape[0];
    int channels = shape[1];
    int h = shape[2];
    int w = shape[3];
    float[] out = new float[images.data().length];
    for (int i = 0; i < n; i++) {
      augment(images.data(), out, i * channels * h * w, channels, h, w, random);
    }
    return new HostTensor(out, shape.clone());
  }

  /**
   * Every image of {@code images [n, c, h, w]} rotated by {@code degrees} about the image centre (clockwise
   * on screen: rows grow downwards), scaled by {@code scale} and then shifted by {@code (dx, dy)} pixels (right, down), with
   * bilinear sampling and zero fill. A rotation by a multiple of 90 degrees of a square image permutes its
   * pixels (up to rounding of the sampling position).
   */
  public static HostTensor transform(HostTensor images, double degrees, double scale, double dx, double dy) {
    int[] shape = images.shape();
    if (shape.length != 4 || scale <= 0) {
      throw new IllegalArgumentException("expected images [n, c, h, w] and scale > 0, got shape "
          + java.util.Arrays.toString(shape) + " and scale " + scale);
    }
    float[] out = new float[images.data().length];
    int plane = shape[1] * shape[2] * shape[3];
    for (int i = 0; i < shape[0]; i++) {
      warp(images.data(), out, i * plane, shape[1], shape[2], shape[3], Math.toRadians(degrees), scale, dx, dy);
    }
    return new HostTensor(out, shape.clone());
  }

  private void augment(float[] in, float[] out, int offset, int channels, int h, int w, SplittableRandom random) {
    double angle = Math.toRadians(uniform(random, maxRotationDegrees));
    double scale = 1 + uniform(random, maxScaleChange);
    double dx = uniform(random, maxShift);
    double dy = uniform(random, maxShift);
    warp(in, out, offset, channels, h, w, angle, scale, dx, dy);
    if (maxBrightness > 0 || maxContrastChange > 0) {
      changeIntensity(out, offset, channels * h * w, 1 + uniform(random, maxContrastChange),
          uniform(random, maxBrightness));
    }
    if (cutout > 0) {
      int cy = random.nextInt(h);
      int cx = random.nextInt(w);
      int y0 = Math.max(0, cy - cutout / 2);
      int x0 = Math.max(0, cx - cutout / 2);
      int y1 = Math.min(h, cy - cutout / 2 + cutout);
      int x1 = Math.min(w, cx - cutout / 2 + cutout);
      for (int c = 0; c < channels; c++) {
        for (int y = y0; y < y1; y++) {
          java.util.Arrays.fill(out, offset + (c * h + y) * w + x0, offset + (c * h + y) * w + x1, 0f);
        }
      }
    }
    if (noise > 0) {
      for (int k = offset; k < offset + channels * h * w; k++) {
        out[k] = (float) Math.min(1, Math.max(0, out[k] + noise * RandomStreams.gaussian(random)));
      }
    }
  }

  /**
   * Every value {@code v} of the {@code size} values at {@code offset} to {@code clip(m + contrast (v - m) +
   * brightness, 0, 1)}, {@code m} their mean.
   */
  static void changeIntensity(float[] values, int offset, int size, double contrast, double brightness) {
    double mean = 0;
    for (int k = offset; k < offset + size; k++) {
      mean += values[k];
    }
    mean /= size;
    for (int k = offset; k < offset + size; k++) {
      values[k] = (float) Math.min(1, Math.max(0, mean + contrast * (values[k] - mean) + brightness));
    }
  }

  /**
   * Output pixel {@code p} samples the input at {@code A^-1 (p - centre - t) + centre}, with {@code A} the
   * rotation by {@code angle} times {@code scale}: bilinear, zero outside the image.
   */
  private static void warp(float[] in, float[] out, int offset, int channels, int h, int w, double angle,
      double scale, double dx, double dy) {
    double cos = Math.cos(angle) / scale;
    double sin = Math.sin(angle) / scale;
    double cy = (h - 1) / 2.0;
    double cx = (w - 1) / 2.0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double u = x - cx - dx;
        double v = y - cy - dy;
        double sx = cos * u + sin * v + cx;
        double sy = -sin * u + cos * v + cy;
        int x0 = (int) Math.floor(sx);
        int y0 = (int) Math.floor(sy);
        double fx = sx - x0;
        double fy = sy - y0;
        for (int c = 0; c < channels; c++) {
          int plane = offset + c * h * w;
          double value = (1 - fy) * ((1 - fx) * pixel(in, plane, h, w, y0, x0) + fx * pixel(in, plane, h, w, y0, x0 + 1))
              + fy * ((1 - fx) * pixel(in, plane, h, w, y0 + 1, x0) + fx * pixel(in, plane, h, w, y0 + 1, x0 + 1));
          out[plane + y * w + x] = (float) value;
        }
      }
    }
  }

  private static float pixel(float[] in, int plane, int h, int w, int y, int x) {
    return y < 0 || y >= h || x < 0 || x >= w ? 0f : in[plane + y * w + x];
  }

  private static double uniform(SplittableRandom random, double max) {
    return max == 0 ? 0 : (2 * random.nextDouble() - 1) * max;
  }
}
