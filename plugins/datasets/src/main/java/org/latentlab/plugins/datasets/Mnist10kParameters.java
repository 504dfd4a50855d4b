package org.latentlab.plugins.datasets;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link Mnist10kDatasetProvider}: how much of each split to use, for tiny budgets.
 *
 * @param trainSize number of training images, taken from the start of the first 8,000 (default 8000)
 * @param testSize  number of test images, taken from the end of the last 2,000 (default 2000)
 */
public record Mnist10kParameters(Integer trainSize, Integer testSize) implements Parameters {

  /** Fills in defaults for absent fields. */
  public Mnist10kParameters {
    trainSize = trainSize == null ? Mnist10kDatasetProvider.TRAIN_SIZE : trainSize;
    testSize = testSize == null ? Mnist10kDatasetProvider.TEST_SIZE : testSize;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(trainSize >= 1 && trainSize <= Mnist10kDatasetProvider.TRAIN_SIZE, "trainSize", trainSize,
        "must be in 1.." + Mnist10kDatasetProvider.TRAIN_SIZE + " (the embedded training split)");
    problems.require(testSize >= 1 && testSize <= Mnist10kDatasetProvider.TEST_SIZE, "testSize", testSize,
        "must be in 1.." + Mnist10kDatasetProvider.TEST_SIZE + " (the embedded test split)");
  }
}
