package org.latentlab.plugins.datasets;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link ShapesDatasetProvider}.
 *
 * @param seed      seed the images are generated from: the same seed gives the same images (default 0)
 * @param trainSize number of training images (default 8000)
 * @param testSize  number of test images (default 2000)
 * @param size      image side in pixels, 28 or 64 (default 28)
 */
public record ShapesParameters(Long seed, Integer trainSize, Integer testSize, Integer size) implements Parameters {

  /** The most images a split may have. */
  public static final int MAX_SPLIT = 100_000;

  /** Fills in defaults for absent fields. */
  public ShapesParameters {
    seed = seed == null ? 0L : seed;
    trainSize = trainSize == null ? 8_000 : trainSize;
    testSize = testSize == null ? 2_000 : testSize;
    size = size == null ? 28 : size;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(trainSize >= 1 && trainSize <= MAX_SPLIT, "trainSize", trainSize, "must be in 1.." + MAX_SPLIT);
    problems.require(testSize >= 1 && testSize <= MAX_SPLIT, "testSize", testSize, "must be in 1.." + MAX_SPLIT);
    problems.require(size == 28 || size == 64, "size", size, "must be 28 or 64");
  }
}
