package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link DenoisingAutoencoderProvider}: the denoising autoencoder (Vincent et al. 2008;
 * "Stacked denoising autoencoders", JMLR 2010), minimising {@code L(x, g(f(x~)))} where {@code x~ ~ q(x~ | x)}
 * is a corrupted copy of the clean target {@code x} (see {@link Corruption}).
 *
 * @param architecture {@code conv} (default) or {@code mlp}
 * @param latentDim    size of the code (default 32)
 * @param channels     channels of the first conv block (conv; default 32)
 * @param hidden       width of the hidden dense layer (mlp; default 512)
 * @param loss         {@code bce} (default) or {@code mse}
 * @param corruption   {@code masking} (default), {@code gaussian} or {@code salt-and-pepper}
 * @param noiseLevel   the standard deviation (gaussian) or the fraction of pixels corrupted (masking,
 *                     salt-and-pepper); default 0.25 (Vincent et al. 2010 used 25% masking on MNIST)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record DenoisingAutoencoderParameters(String architecture, Integer latentDim, Integer channels, Integer hidden,
    String loss, String corruption, Double noiseLevel, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public DenoisingAutoencoderParameters {
    architecture = architecture == null ? "conv" : architecture;
    latentDim = latentDim == null ? 32 : latentDim;
    channels = channels == null ? 32 : channels;
    hidden = hidden == null ? 512 : hidden;
    loss = loss == null ? "bce" : loss;
    corruption = corruption == null ? "masking" : corruption;
    noiseLevel = noiseLevel == null ? 0.25 : noiseLevel;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, architecture, latentDim, channels, hidden);
    Checks.loss(problems, loss);
    problems.require(Corruption.parse(corruption) != null, "corruption", corruption,
        "must be one of gaussian, masking, salt-and-pepper");
    problems.require(noiseLevel >= 0 && noiseLevel <= 1, "noiseLevel", noiseLevel, "must be in [0, 1]");
    Checks.learningRate(problems, learningRate);
  }
}
