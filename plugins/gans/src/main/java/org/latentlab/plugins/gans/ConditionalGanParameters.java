package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link ConditionalGanProvider}: the conditional GAN of Mirza &amp; Osindero,
 * "Conditional Generative Adversarial Nets" (arXiv:1411.1784, 2014); see {@link ConditionalGan}.
 *
 * @param latentDim          size of the noise {@code z ~ N(0, I)} (default 64)
 * @param hidden             width of the two hidden layers of each network (default 256)
 * @param generatorLoss      {@code non-saturating} (default) or {@code minimax}
 * @param learningRate       Adam learning rate of both networks (default 2e-4)
 * @param beta1              Adam's first-moment decay (default 0.5)
 * @param discriminatorSteps discriminator steps per generator step (default 1)
 */
public record ConditionalGanParameters(Integer latentDim, Integer hidden, String generatorLoss, Double learningRate,
    Double beta1, Integer discriminatorSteps) implements Parameters {

  /** Fills in defaults for absent fields. */
  public ConditionalGanParameters {
    latentDim = latentDim == null ? 64 : latentDim;
    hidden = hidden == null ? 256 : hidden;
    generatorLoss = generatorLoss == null ? GeneratorLoss.NON_SATURATING.id() : generatorLoss;
    learningRate = learningRate == null ? 2e-4 : learningRate;
    beta1 = beta1 == null ? 0.5 : beta1;
    discriminatorSteps = discriminatorSteps == null ? 1 : discriminatorSteps;
  }

  @Override
  public void validate(Problems problems) {
    Checks.adversarial(problems, latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
    Checks.width(problems, "hidden", hidden);
  }

  AdversarialProgram program() {
    return AdversarialProgram.of(latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
  }
}
