package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the code-statistics evaluator.
 *
 * @param target    an expected mean activation to compare with, e.g. a sparse autoencoder's rho; absent
 *                  (default) for none
 * @param threshold activations at or below it count as inactive (default 0.01)
 */
public record CodeStatisticsParameters(Double target, Double threshold) implements Parameters {
  /** Fills in defaults. */
  public CodeStatisticsParameters {
    threshold = threshold == null ? 0.01 : threshold;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(threshold >= 0, "threshold", threshold, "must be >= 0");
  }
}
