package org.latentlab.plugins.autoencoders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Trainer;

/** Small synthetic images and a tiny training loop for the family's tests. */
final class FamilyData {
  private FamilyData() {}

  /** Images of one bright axis-aligned rectangle each (as in ConvAutoencoderTest). */
  static HostTensor rectangles(int n, int side, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[n * side * side];
    for (int i = 0; i < n; i++) {
      int x0 = r.nextInt(side - 4);
      int y0 = r.nextInt(side - 4);
      int w = 2 + r.nextInt(side - x0 - 2);
      int h = 2 + r.nextInt(side - y0 - 2);
      for (int y = y0; y < Math.min(side, y0 + h); y++) {
        for (int x = x0; x < Math.min(side, x0 + w); x++) {
          v[i * side * side + y * side + x] = 1f;
        }
      }
    }
    return new HostTensor(v, new int[] {n, 1, side, side});
  }

  /**
   * Four separable classes on {@code side x side} images: class k is a bright square (jittered position
   * and brightness) in quadrant k, on faint uniform noise.
   */
  static ImageSet quadrants(int n, int side, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int per = side * side;
    float[] v = new float[n * per];
    int[] labels = new int[n];
    int half = side / 2;
    int sq = half - 2;
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(4);
      labels[i] = k;
      for (int p = 0; p < per; p++) {
        v[i * per + p] = (float) (0.2 * r.nextDouble());
      }
      int x0 = (k % 2) * half + r.nextInt(half - sq + 1);
      int y0 = (k / 2) * half + r.nextInt(half - sq + 1);
      float bright = (float) (0.6 + 0.4 * r.nextDouble());
      for (int y = y0; y < y0 + sq; y++) {
        for (int x = x0; x < x0 + sq; x++) {
          v[i * per + y * side + x] = bright;
        }
      }
    }
    return new ImageSet(v, labels, 1, side, side);
  }

  /** Batch {@code i} of size {@code size}, cycling through {@code data}. */
  static HostTensor batch(HostTensor data, int i, int size) {
    int n = data.shape()[0];
    int from = (i * size) % n;
    int to = Math.min(n, from + size);
    return data.rows(from, to);
  }

  /** Runs {@code steps} steps of the model's only step and returns every step's losses. */
  static List<Map<String, Float>> train(ComputeSession session, Model model, HostTensor data, int steps, int batchSize) {
    Trainer trainer = session.trainer(model.program());
    String step = model.program().steps().get(0).name();
    List<Map<String, Float>> out = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      Map<String, HostTensor> batch = model.prepareBatch(step, Map.of("x", batch(data, i, batchSize)),
          new SplittableRandom(1000 + i));
      out.add(trainer.step(step, batch));
    }
    return out;
  }

  /** Mean of all values. */
  static double mean(HostTensor t) {
    double s = 0;
    for (float v : t.data()) {
      s += v;
    }
    return s / t.size();
  }
}
