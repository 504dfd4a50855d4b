package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the sample-quality evaluator.
 *
 * @param samples          generated images, and real test and training images, compared (default 2000; at most
 *                         the size of the smaller split)
 * @param classifierEpochs training epochs of the domain classifier when it is not cached (default 3)
 * @param neighbours       {@code k} of the precision/recall manifolds (default 3, as Kynkaanniemi et al.)
 */
public record SampleQualityParameters(Integer samples, Integer classifierEpochs, Integer neighbours)
    implements Parameters {
  /** Fills in defaults. */
  public SampleQualityParameters {
    samples = samples == null ? 2000 : samples;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
    neighbours = neighbours == null ? 3 : neighbours;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(samples >= 10, "samples", samples, "must be >= 10");
    problems.require(classifierEpochs >= 1, "classifierEpochs", classifierEpochs, "must be >= 1");
    problems.require(neighbours >= 1 && neighbours < samples, "neighbours", neighbours, "must be in 1..samples-1");
  }
}
