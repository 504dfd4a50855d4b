package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link VaeProvider}: the variational autoencoder (Kingma &amp; Welling, "Auto-Encoding
 * Variational Bayes", ICLR 2014) with the beta weighting of Higgins et al. ("beta-VAE", ICLR 2017).
 * The encoder gives {@code mu, log sigma^2}; {@code z = mu + exp(log sigma^2 / 2) * eps},
 * {@code eps ~ N(0, I)}; the loss, averaged over the batch, is
 * {@code sum_pixels L(x, g(z)) + beta * KL(q(z|x) || N(0, I))} with
 * {@code KL = -1/2 sum_j (1 + log sigma_j^2 - mu_j^2 - sigma_j^2)}.
 *
 * @param architecture {@code conv} (default) or {@code mlp}
 * @param latentDim    size of the code (default 32, as the other autoencoders, so codes compare at one size)
 * @param channels     channels of the first conv block (conv; default 32)
 * @param hidden       width of the hidden dense layer (mlp; default 512)
 * @param loss         reconstruction log-likelihood: {@code bce} (Bernoulli decoder, default) or {@code mse}
 *                     (squared error, a Gaussian decoder up to constants), summed over pixels
 * @param beta         weight of the KL term (default 1: the plain VAE; > 1: beta-VAE)
 * @param learningRate Adam learning rate (default 1e-3)
 */
public record VaeParameters(String architecture, Integer latentDim, Integer channels, Integer hidden, String loss,
    Double beta, Double learningRate) implements Parameters {

  /** Fills in defaults for absent fields. */
  public VaeParameters {
    architecture = architecture == null ? "conv" : architecture;
    latentDim = latentDim == null ? 32 : latentDim;
    channels = channels == null ? 32 : channels;
    hidden = hidden == null ? 512 : hidden;
    loss = loss == null ? "bce" : loss;
    beta = beta == null ? 1.0 : beta;
    learningRate = learningRate == null ? 1e-3 : learningRate;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, architecture, latentDim, channels, hidden);
    Checks.loss(problems, loss);
    problems.require(beta >= 0, "beta", beta, "must be >= 0");
    Checks.learningRate(problems, learningRate);
  }
}
