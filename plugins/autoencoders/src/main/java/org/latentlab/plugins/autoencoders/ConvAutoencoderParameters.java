package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link ConvAutoencoderProvider}.
 *
 * @param latentDim    size of the code (default 32)
 * @param loss         {@code bce} (default) or {@code mse}
 * @param channels     channels of the first conv block; the second has twice as many (default 32)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record ConvAutoencoderParameters(Integer latentDim, String loss, Integer channels, Double learningRate)
    implements Parameters {

  /** Fills in defaults for absent fields. */
  public ConvAutoencoderParameters {
    latentDim = latentDim == null ? 32 : latentDim;
    loss = loss == null ? "bce" : loss;
    channels = channels == null ? 32 : channels;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(latentDim > 0, "latentDim", latentDim, "must be > 0");
    problems.require(ReconstructionLoss.parse(loss) != null, "loss", loss, "must be one of bce, mse");
    problems.require(channels > 0, "channels", channels, "must be > 0");
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
  }

  ReconstructionLoss reconstructionLoss() {
    return ReconstructionLoss.parse(loss);
  }
}
