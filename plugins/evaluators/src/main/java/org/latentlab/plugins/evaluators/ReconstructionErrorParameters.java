package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the reconstruction-error evaluator.
 *
 * @param corruption also measure the error of reconstructing the clean test images from corrupted ones:
 *                   {@code none} (default), {@code gaussian} (add noise of sd {@code noiseLevel}, clip to
 *                   [0, 1]), {@code masking} (set a {@code noiseLevel} fraction of pixels to 0) or
 *                   {@code salt-and-pepper} (set a {@code noiseLevel} fraction to 0 or 1, half each)
 * @param noiseLevel the corruption's strength (default 0.3)
 * @param noiseSeed  seed of the corruption, fixed apart from the run's seed so that every model is
 *                   measured on the same corrupted images (default 0)
 */
public record ReconstructionErrorParameters(String corruption, Double noiseLevel, Long noiseSeed) implements Parameters {
  static final List<String> CORRUPTIONS = List.of("none", "gaussian", "masking", "salt-and-pepper");

  /** Fills in defaults. */
  public ReconstructionErrorParameters {
    corruption = corruption == null ? "none" : corruption;
    noiseLevel = noiseLevel == null ? 0.3 : noiseLevel;
    noiseSeed = noiseSeed == null ? 0L : noiseSeed;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(CORRUPTIONS.contains(corruption), "corruption", corruption, "must be one of " + CORRUPTIONS);
    problems.require(noiseLevel >= 0 && noiseLevel <= 1, "noiseLevel", noiseLevel, "must be in [0, 1]");
  }
}
