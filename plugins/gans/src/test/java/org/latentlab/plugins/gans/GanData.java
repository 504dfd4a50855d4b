package org.latentlab.plugins.gans;

import java.util.SplittableRandom;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;

/** Small labelled synthetic images, the runner's schedule in a loop, and image statistics for the tests. */
final class GanData {
  static final int SIDE = 16;
  static final int CLASSES = 4;
  static final DataShape SHAPE = new DataShape(1, SIDE, SIDE, CLASSES);

  private GanData() {}

  /**
   * {@code n} black {@code 16x16} images in four classes: class k holds one bright square (side 6,
   * brightness 0.7..1) at a random place inside quadrant k (0 top left, 1 top right, 2 bottom left,
   * 3 bottom right).
   */
  static ImageSet quadrantSquares(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int half = SIDE / 2;
    int square = 6;
    float[] pixels = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(CLASSES);
      labels[i] = k;
      int x0 = (k % 2) * half + r.nextInt(half - square + 1);
      int y0 = (k / 2) * half + r.nextInt(half - square + 1);
      float brightness = (float) (0.7 + 0.3 * r.nextDouble());
      for (int y = y0; y < y0 + square; y++) {
        for (int x = x0; x < x0 + square; x++) {
          pixels[i * SIDE * SIDE + y * SIDE + x] = brightness;
        }
      }
    }
    return new ImageSet(pixels, labels, 1, SIDE, SIDE);
  }

  /** Standard-normal noise {@code [n, d]}. */
  static HostTensor noise(int n, int d, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * d];
    for (int i = 0; i < v.length; i++) {
      // Box-Muller
      v[i] = (float) (Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble()));
    }
    return new HostTensor(v, new int[] {n, d});
  }

  /** The pixel-wise mean of images {@code [n, ...]}. */
  static float[] meanImage(HostTensor images) {
    int per = images.rowSize();
    int n = images.shape()[0];
    float[] mean = new float[per];
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < per; p++) {
        mean[p] += images.data()[i * per + p] / n;
      }
    }
    return mean;
  }

  /** Mean squared difference of two equally long arrays. */
  static double meanSquaredDistance(float[] a, float[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += (a[i] - b[i]) * (a[i] - b[i]) / a.length;
    }
    return s;
  }

  /** The quadrant (numbered as in {@link #quadrantSquares}) with the highest mean brightness in a 16x16 image. */
  static int brightestQuadrant(float[] image) {
    double[] sums = new double[CLASSES];
    int half = SIDE / 2;
    for (int y = 0; y < SIDE; y++) {
      for (int x = 0; x < SIDE; x++) {
        sums[(y / half) * 2 + x / half] += image[y * SIDE + x];
      }
    }
    int best = 0;
    for (int q = 1; q < CLASSES; q++) {
      best = sums[q] > sums[best] ? q : best;
    }
    return best;
  }

  /** Image {@code i} of {@code [n, 1, 16, 16]} images. */
  static float[] image(HostTensor images, int i) {
    int per = images.rowSize();
    return java.util.Arrays.copyOfRange(images.data(), i * per, (i + 1) * per);
  }
}
