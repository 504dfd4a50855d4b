package org.latentlab.plugins.adversarial;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;

/** Small labelled synthetic images for the tests: a bright square in one of four quadrants (the class). */
final class ToyData {
  static final int SIDE = 16;
  static final int CLASSES = 4;

  private ToyData() {}

  /** The geometry of {@code channels}-channel toy images. */
  static DataShape shape(int channels) {
    return new DataShape(channels, SIDE, SIDE, CLASSES);
  }

  /**
   * {@code n} {@code 16x16} grey images: class k holds a square (side 6, brightness 0.7..1) at a random place
   * inside quadrant k (0 top left, 1 top right, 2 bottom left, 3 bottom right) on black.
   */
  static ImageSet squares(int n, long seed) {
    return images(n, seed, 1, false);
  }

  /**
   * As {@link #squares}, in {@code channels} channels; with {@code colours} (three channels), each image's square
   * and background take random colours at least 0.5 apart, else white on black. The colours are the factors of
   * {@code colour-digits} ({@code foregroundRed} ... {@code backgroundBlue}).
   */
  static ImageSet images(int n, long seed, int channels, boolean colours) {
    SplittableRandom r = new SplittableRandom(seed);
    int plane = SIDE * SIDE;
    float[] pixels = new float[n * channels * plane];
    int[] labels = new int[n];
    String[] names = {"foregroundRed", "foregroundGreen", "foregroundBlue", "backgroundRed", "backgroundGreen",
        "backgroundBlue"};
    float[][] factors = new float[names.length][n];
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(CLASSES);
      labels[i] = k;
      int x0 = (k % 2) * SIDE / 2 + r.nextInt(3);
      int y0 = (k / 2) * SIDE / 2 + r.nextInt(3);
      float brightness = (float) (0.7 + 0.3 * r.nextDouble());
      double[] rgb = colours ? colours(r) : new double[] {1, 1, 1, 0, 0, 0};
      for (int f = 0; f < names.length; f++) {
        factors[f][i] = (float) rgb[f];
      }
      for (int c = 0; c < channels; c++) {
        for (int p = 0; p < plane; p++) {
          int y = p / SIDE;
          int x = p % SIDE;
          boolean ink = y >= y0 && y < y0 + 6 && x >= x0 && x < x0 + 6;
          double v = ink ? brightness : 0;
          pixels[(i * channels + c) * plane + p] = (float) (rgb[3 + c] + v * (rgb[c] - rgb[3 + c]));
        }
      }
    }
    Map<String, float[]> named = new LinkedHashMap<>();
    for (int f = 0; f < names.length; f++) {
      named.put(names[f], factors[f]);
    }
    return new ImageSet(pixels, labels, channels, SIDE, SIDE, named);
  }

  private static double[] colours(SplittableRandom r) {
    double[] rgb = new double[6];
    double distance;
    do {
      distance = 0;
      for (int k = 0; k < 6; k++) {
        rgb[k] = r.nextDouble();
      }
      for (int c = 0; c < 3; c++) {
        distance += (rgb[c] - rgb[3 + c]) * (rgb[c] - rgb[3 + c]);
      }
    } while (Math.sqrt(distance) < 0.5);
    return rgb;
  }

  /** The first {@code n} images of {@code set} as a {@code [n, c, h, w]} tensor with their labels {@code [n]}. */
  static Map<String, HostTensor> batch(ImageSet set, int n) {
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    return Map.of("x", set.images(idx), "y", set.labelTensor(idx));
  }
}
