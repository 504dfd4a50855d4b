package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.train.OptimizerSpec;

/**
 * Parameters of {@link WganGpProvider}: WGAN-GP of Gulrajani et al., "Improved Training of Wasserstein
 * GANs" (NeurIPS 2017); see {@link WganGp}. Defaults follow the paper's Algorithm 1 and its MNIST script.
 *
 * @param latentDim     size of the noise {@code z ~ N(0, I)} (default 64)
 * @param channels      channels of the generator's last hidden block and the critic's first (the other
 *                      block has twice as many; default 64)
 * @param penaltyWeight weight {@code lambda} of the gradient penalty (default 10, as the paper)
 * @param criticSteps   critic steps per generator step, {@code n_critic} (default 5, as the paper)
 * @param learningRate  Adam learning rate of both networks (default 1e-4, as the paper)
 * @param beta1         Adam's first-moment decay (default 0.5 as the paper's MNIST script; Algorithm 1 uses 0)
 * @param beta2         Adam's second-moment decay (default 0.9, as the paper)
 */
public record WganGpParameters(Integer latentDim, Integer channels, Double penaltyWeight, Integer criticSteps,
    Double learningRate, Double beta1, Double beta2) implements Parameters {

  /** Fills in defaults for absent fields. */
  public WganGpParameters {
    latentDim = latentDim == null ? 64 : latentDim;
    channels = channels == null ? 64 : channels;
    penaltyWeight = penaltyWeight == null ? 10.0 : penaltyWeight;
    criticSteps = criticSteps == null ? 5 : criticSteps;
    learningRate = learningRate == null ? 1e-4 : learningRate;
    beta1 = beta1 == null ? 0.5 : beta1;
    beta2 = beta2 == null ? 0.9 : beta2;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(latentDim > 0, "latentDim", latentDim, "must be > 0");
    Checks.width(problems, "channels", channels);
    problems.require(penaltyWeight >= 0, "penaltyWeight", penaltyWeight, "must be >= 0 (the paper uses 10)");
    problems.require(criticSteps >= 1, "criticSteps", criticSteps, "must be >= 1 (the paper uses 5)");
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
    problems.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "must be in [0, 1)");
    problems.require(beta2 >= 0 && beta2 < 1, "beta2", beta2, "must be in [0, 1)");
  }

  WassersteinProgram program() {
    return new WassersteinProgram(latentDim, penaltyWeight.floatValue(),
        new OptimizerSpec.Adam(learningRate, beta1, beta2, 1e-8, 0), criticSteps);
  }
}
