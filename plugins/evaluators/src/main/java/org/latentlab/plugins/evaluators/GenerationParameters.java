package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the generation evaluator.
 *
 * @param samples          images generated for the class statistics (default 1000); the first 100 are shown
 * @param interpolations   pairs of test images interpolated between (default 8), one strip each
 * @param steps            decoded points per strip between the two end codes, ends included (default 10)
 * @param classifierEpochs training epochs of the domain classifier when it is not cached (default 3)
 */
public record GenerationParameters(Integer samples, Integer interpolations, Integer steps, Integer classifierEpochs)
    implements Parameters {
  /** Fills in defaults. */
  public GenerationParameters {
    samples = samples == null ? 1000 : samples;
    interpolations = interpolations == null ? 8 : interpolations;
    steps = steps == null ? 10 : steps;
    classifierEpochs = classifierEpochs == null ? 3 : classifierEpochs;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(samples >= 10, "samples", samples, "must be >= 10");
    problems.require(interpolations >= 0, "interpolations", interpolations, "must be >= 0");
    problems.require(steps >= 2, "steps", steps, "must be >= 2");
    problems.require(classifierEpochs >= 1, "classifierEpochs", classifierEpochs, "must be >= 1");
  }
}
