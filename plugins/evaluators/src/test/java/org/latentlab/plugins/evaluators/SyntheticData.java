package org.latentlab.plugins.evaluators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;

/** Tiny 1x2x2 image sets for evaluator tests: pixel 0 holds the class as {@code c / (classes - 1)}, the rest noise. */
final class SyntheticData {
  private SyntheticData() {}

  static ImageSet images(int n, int classes, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[n * 4];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = r.nextInt(classes);
      px[i * 4] = labels[i] / (float) (classes - 1);
      for (int p = 1; p < 4; p++) {
        px[i * 4 + p] = (float) r.nextDouble();
      }
    }
    return new ImageSet(px, labels, 1, 2, 2);
  }

  static Dataset dataset(int classes, int train, int test) {
    List<String> names = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      names.add("c" + c);
    }
    return new Dataset("synthetic", images(train, classes, 1), images(test, classes, 2), names, List.of());
  }

  /** The class recovered from pixel 0. */
  static int classOf(float pixel0, int classes) {
    return Math.round(pixel0 * (classes - 1));
  }

  /** An encoder whose code is {@code scale} times the one-hot class plus {@code noise} times the noise pixels. */
  static CompiledFunction classEncoder(int classes, float scale, float noise) {
    return inputs -> {
      HostTensor x = inputs.get("x");
      int n = x.shape()[0];
      int d = classes + 3;
      float[] z = new float[n * d];
      for (int i = 0; i < n; i++) {
        z[i * d + classOf(x.data()[i * 4], classes)] = scale;
        for (int p = 1; p < 4; p++) {
          z[i * d + classes + p - 1] = noise * x.data()[i * 4 + p];
        }
      }
      return Map.of("z", new HostTensor(z, new int[] {n, d}));
    };
  }

  /** Images whose factors {@code a} (5 values) and {@code b} (4 values) are pixels 0 and 1; pixels 2, 3 noise. */
  static ImageSet factorImages(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] px = new float[n * 4];
    int[] labels = new int[n];
    float[] a = new float[n];
    float[] b = new float[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt(5) / 4f;
      b[i] = r.nextInt(4) / 3f;
      labels[i] = Math.round(a[i] * 4);
      px[i * 4] = a[i];
      px[i * 4 + 1] = b[i];
      px[i * 4 + 2] = (float) r.nextDouble();
      px[i * 4 + 3] = (float) r.nextDouble();
    }
    Map<String, float[]> factors = new LinkedHashMap<>();
    factors.put("a", a);
    factors.put("b", b);
    return new ImageSet(px, labels, 1, 2, 2, factors);
  }
}
