package org.latentlab.experiments.run;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.tensor.HostTensor;

/**
 * Training batches as a run assembles them: {@code x} (images) and {@code y} (labels) of
 * {@code batchSize} images drawn without replacement from a seeded shuffle of the split, a new
 * shuffle every epoch, the last incomplete batch of an epoch dropped.
 */
public final class BatchSampler {
  private final ImageSet images;
  private final int batchSize;
  private final SplittableRandom random;
  private final int[] order;
  private int cursor;
  private int epoch;

  /** A sampler over {@code images}; fails if the split holds fewer than {@code batchSize} images. */
  public BatchSampler(ImageSet images, int batchSize, long seed) {
    if (images.size() < batchSize) {
      throw new IllegalArgumentException("training.batchSize " + batchSize + " is larger than the "
          + images.size() + " training images; lower it");
    }
    this.images = images;
    this.batchSize = batchSize;
    this.random = new SplittableRandom(seed);
    this.order = new int[images.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    this.cursor = order.length;
  }

  /** The next batch, starting a new epoch (and shuffle) when the current one is used up. */
  public Map<String, HostTensor> next() {
    return batch(nextIndices());
  }

  /**
   * Where the images of the next batch are in the split, in batch order (what {@link #next()} would
   * assemble), starting a new epoch when the current one is used up; {@link #batch} assembles them.
   */
  public int[] nextIndices() {
    int start = advance();
    return Arrays.copyOfRange(order, start, start + batchSize);
  }

  /** The batch of the images at {@code indices}: {@code x} and {@code y}. */
  public Map<String, HostTensor> batch(int[] indices) {
    return Map.of("x", images.images(indices), "y", images.labelTensor(indices));
  }

  /** Moves past {@code count} batches without assembling them, as a resumed run must. */
  public void skip(long count) {
    for (long i = 0; i < count; i++) {
      advance();
    }
  }

  /** Where the next batch starts in the shuffled order, reshuffling at the end of an epoch. */
  private int advance() {
    if (cursor + batchSize > order.length) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      cursor = 0;
      epoch++;
    }
    int start = cursor;
    cursor += batchSize;
    return start;
  }

  /** The epoch of the last batch handed out (1 for the first), 0 before the first. */
  public int epoch() {
    return epoch;
  }
}
