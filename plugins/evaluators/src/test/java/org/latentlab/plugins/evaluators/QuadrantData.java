package org.latentlab.plugins.evaluators;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.RandomStreams;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/**
 * 8x8 images whose class (0-3) is the brighter quadrant, an "encoder" to the four quadrant means and
 * a "decoder" that paints a code back into the quadrants: a model with a known, perfect code.
 */
final class QuadrantData {
  static final int SIDE = 8;

  private QuadrantData() {}

  static Dataset dataset(int train, int test) {
    return new Dataset("quadrants", images(train, 1), images(test, 2), List.of("a", "b", "c", "d"), List.of());
  }

  static ImageSet images(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] pixels = new float[n * SIDE * SIDE];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int cls = r.nextInt(4);
      labels[i] = cls;
      for (int y = 0; y < SIDE; y++) {
        for (int x = 0; x < SIDE; x++) {
          float base = quadrant(y, x) == cls ? 0.7f : 0.2f;
          pixels[i * SIDE * SIDE + y * SIDE + x] = (float) Math.min(1, Math.max(0, base + 0.1 * RandomStreams.gaussian(r)));
        }
      }
    }
    return new ImageSet(pixels, labels, 1, SIDE, SIDE);
  }

  static int quadrant(int y, int x) {
    return (y < SIDE / 2 ? 0 : 2) + (x < SIDE / 2 ? 0 : 1);
  }

  /** {@code x -> z}: the four quadrant means. */
  static final CompiledFunction ENCODE = inputs -> {
    HostTensor x = inputs.get("x");
    int n = x.shape()[0];
    float[] z = new float[n * 4];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < SIDE; y++) {
        for (int c = 0; c < SIDE; c++) {
          z[i * 4 + quadrant(y, c)] += x.data()[i * SIDE * SIDE + y * SIDE + c] / (SIDE * SIDE / 4f);
        }
      }
    }
    return Map.of("z", new HostTensor(z, new int[] {n, 4}));
  };

  /** {@code z -> x}: each quadrant painted with its code value (clipped to [0, 1]). */
  static final CompiledFunction DECODE = inputs -> {
    HostTensor z = inputs.get("z");
    int n = z.shape()[0];
    float[] x = new float[n * SIDE * SIDE];
    for (int i = 0; i < n; i++) {
      for (int y = 0; y < SIDE; y++) {
        for (int c = 0; c < SIDE; c++) {
          x[i * SIDE * SIDE + y * SIDE + c] = Math.min(1, Math.max(0, z.data()[i * 4 + quadrant(y, c)]));
        }
      }
    }
    return Map.of("x", new HostTensor(x, new int[] {n, 1, SIDE, SIDE}));
  };
}
