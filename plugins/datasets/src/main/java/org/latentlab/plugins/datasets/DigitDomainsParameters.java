package org.latentlab.plugins.datasets;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link DigitDomainsDatasetProvider}.
 *
 * @param seed      seed of the target domain's colours, as for {@code colour-digits} (default 0)
 * @param trainSize training digits of MNIST-10k used, the first half as the labelled source domain and the
 *                  second half as the unlabelled target domain (default 8000)
 * @param testSize  test digits, in the target domain's colours (default 2000)
 */
public record DigitDomainsParameters(Long seed, Integer trainSize, Integer testSize) implements Parameters {

  /** Fills in defaults for absent fields. */
  public DigitDomainsParameters {
    seed = seed == null ? 0L : seed;
    trainSize = trainSize == null ? Mnist10kDatasetProvider.TRAIN_SIZE : trainSize;
    testSize = testSize == null ? Mnist10kDatasetProvider.TEST_SIZE : testSize;
  }

  /** The colour digits the target domain is taken from. */
  ColourDigitsParameters colours() {
    return new ColourDigitsParameters(seed, trainSize, testSize);
  }

  @Override
  public void validate(Problems problems) {
    colours().validate(problems);
    problems.require(trainSize >= 2, "trainSize", trainSize, "must be >= 2 (half source, half target)");
  }
}
