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
 * @param inputNoise   standard deviation of Gaussian noise added to the input while training, the target
 *                     staying clean (a denoising autoencoder, Vincent et al. 2008); 0 (default) trains a
 *                     plain autoencoder
 */
public record ConvAutoencoderParameters(
    Integer latentDim, String loss, Integer channels, Double learningRate, Double inputNoise) implements Parameters {

  /** Fills in defaults for absent fields. */
  public ConvAutoencoderParameters {
    latentDim = latentDim == null ? 32 : latentDim;
    loss = loss == null ? "bce" : loss;
    channels = channels == null ? 32 : channels;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    inputNoise = inputNoise == null ? 0.0 : inputNoise;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(latentDim > 0, "latentDim", latentDim, "must be > 0");
    problems.require(ReconstructionLoss.parse(loss) != null, "loss", loss, "must be one of bce, mse");
    problems.require(channels > 0, "channels", channels, "must be > 0");
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
    problems.require(inputNoise >= 0 && inputNoise <= 1, "inputNoise", inputNoise, "must be in [0, 1]");
  }

  ReconstructionLoss reconstructionLoss() {
    return ReconstructionLoss.parse(loss);
  }
}
