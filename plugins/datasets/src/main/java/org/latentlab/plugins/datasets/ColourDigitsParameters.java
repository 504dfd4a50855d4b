package org.latentlab.plugins.datasets;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link ColourDigitsDatasetProvider}.
 *
 * @param seed      seed the colours are drawn from: the same seed gives the same images (default 0)
 * @param trainSize number of training digits, as for {@code mnist-10k} (default 8000)
 * @param testSize  number of test digits, as for {@code mnist-10k} (default 2000)
 */
public record ColourDigitsParameters(Long seed, Integer trainSize, Integer testSize) implements Parameters {

  /** Fills in defaults for absent fields. */
  public ColourDigitsParameters {
    seed = seed == null ? 0L : seed;
    trainSize = trainSize == null ? Mnist10kDatasetProvider.TRAIN_SIZE : trainSize;
    testSize = testSize == null ? Mnist10kDatasetProvider.TEST_SIZE : testSize;
  }

  /** The digits these images are made from. */
  Mnist10kParameters digits() {
    return new Mnist10kParameters(trainSize, testSize);
  }

  @Override
  public void validate(Problems problems) {
    digits().validate(problems);
  }
}
