package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the FID evaluator.
 *
 * @param samples          generated images, and real test and training images, compared (default 2000; at most
 *                         the size of the smaller split)
 * @param classifierEpochs training epochs of the domain classifier when it is not cached (default 3)
 */
public record FidParameters(Integer samples, Integer classifierEpochs) implements Parameters {
  /** Fills in defaults. */
  public FidParameters {
    samples = samples == null ? 2000 : samples;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(samples >= 10, "samples", samples, "must be >= 10");
    problems.require(classifierEpochs >= 1, "classifierEpochs", classifierEpochs, "must be >= 1");
  }
}
