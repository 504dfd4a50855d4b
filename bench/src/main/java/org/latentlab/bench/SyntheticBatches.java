package org.latentlab.bench;

import java.util.Random;

/**
 * Synthetic training batches: random pixels in [0, 1], drawn on the host once, then handed out in a
 * cycle, so each step copies a fresh host batch into the engine as real data would be. Pixels are
 * {@code u^4} for uniform {@code u} (mean 0.2, mostly dark like digit images), so the reconstruction
 * loss has something to learn (uniform pixels would pin it near {@code ln 2}); the arithmetic per
 * step does not depend on the values.
 */
final class SyntheticBatches {
  /** Distinct batches kept; enough that consecutive steps never see the same one. */
  private static final int DISTINCT = 8;

  private final float[][] batches;
  private int next;

  /** Batches of {@code batchSize} images of {@code pixels} values each. */
  SyntheticBatches(int batchSize, int pixels, long seed) {
    Random random = new Random(seed);
    batches = new float[DISTINCT][batchSize * pixels];
    for (float[] b : batches) {
      for (int i = 0; i < b.length; i++) {
        float u = random.nextFloat();
        b[i] = u * u * u * u;
      }
    }
  }

  /** The next batch, flat (image after image); do not modify it. */
  float[] next() {
    float[] b = batches[next];
    next = (next + 1) % batches.length;
    return b;
  }
}
