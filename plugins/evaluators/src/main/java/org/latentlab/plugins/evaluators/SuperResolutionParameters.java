package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the super-resolution evaluator.
 *
 * @param samples          test images compared (default 2000; at most the test split's size)
 * @param classifierEpochs training epochs of the domain classifier when it is not cached (default 3)
 * @param shown            test images in the figure's columns (default 10)
 */
public record SuperResolutionParameters(Integer samples, Integer classifierEpochs, Integer shown)
    implements Parameters {
  /** Fills in defaults. */
  public SuperResolutionParameters {
    samples = samples == null ? 2000 : samples;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
    shown = shown == null ? 10 : shown;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(samples >= 1, "samples", samples, "must be >= 1");
    problems.require(classifierEpochs >= 1, "classifierEpochs", classifierEpochs, "must be >= 1");
    problems.require(shown >= 1 && shown <= 100, "shown", shown, "must be in 1..100");
  }
}
