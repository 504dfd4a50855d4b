package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link CnnClassifierProvider}: a {@link ClassifierNetwork} trained with Adam on the
 * cross-entropy of clean images only (the standard training adversarial training is compared with).
 *
 * @param channels     channels of the first conv block; the second has twice as many (default 32)
 * @param latentDim    units of the code before the linear head, after a ReLU (default 128)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record ClassifierParameters(Integer channels, Integer latentDim, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public ClassifierParameters {
    channels = channels == null ? 32 : channels;
    latentDim = latentDim == null ? 128 : latentDim;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, channels, latentDim, learningRate);
  }
}
