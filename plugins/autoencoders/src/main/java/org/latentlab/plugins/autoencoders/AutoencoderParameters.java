package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link AutoencoderProvider}: the plain autoencoder (Hinton &amp; Salakhutdinov 2006),
 * trained to minimise {@code L(x, g(f(x)))}: {@code mse} = {@code mean ||g(f(x)) - x||^2} per pixel, or
 * {@code bce} = per-pixel binary cross-entropy.
 *
 * @param architecture {@code conv} (default) or {@code mlp}, see {@link Network}
 * @param latentDim    size of the code (default 32)
 * @param channels     channels of the first conv block (conv; default 32)
 * @param hidden       width of the hidden dense layer (mlp; default 512)
 * @param loss         {@code bce} (default) or {@code mse}
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record AutoencoderParameters(String architecture, Integer latentDim, Integer channels, Integer hidden,
    String loss, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public AutoencoderParameters {
    architecture = architecture == null ? "conv" : architecture;
    latentDim = latentDim == null ? 32 : latentDim;
    channels = channels == null ? 32 : channels;
    hidden = hidden == null ? 512 : hidden;
    loss = loss == null ? "bce" : loss;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, architecture, latentDim, channels, hidden);
    Checks.loss(problems, loss);
    Checks.learningRate(problems, learningRate);
  }
}
