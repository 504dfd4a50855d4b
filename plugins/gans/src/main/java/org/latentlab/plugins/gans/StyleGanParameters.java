package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link StyleGanProvider}: a small StyleGAN after Karras, Laine &amp; Aila, "A Style-Based
 * Generator Architecture for Generative Adversarial Networks" (CVPR 2019); see {@link StyleGan} and
 * {@link StyleGenerator}.
 *
 * @param latentDim          size of {@code z ~ N(0, I)} and of the intermediate code {@code w} (default 64)
 * @param mappingLayers      Dense layers of the mapping network (default 4; the paper has 8)
 * @param channels           channels of the synthesis layers at the two coarser resolutions (half of them at
 *                           the finest) and of the discriminator's first block (default 64)
 * @param mixingProbability  share of training images made from two codes (default 0.9, as the paper)
 * @param generatorLoss      {@code non-saturating} (default, as the paper) or {@code minimax}
 * @param learningRate       Adam learning rate of both networks (default 2e-4)
 * @param beta1              Adam's first-moment decay (default 0.5)
 * @param discriminatorSteps discriminator steps per generator step (default 1)
 */
public record StyleGanParameters(Integer latentDim, Integer mappingLayers, Integer channels, Double mixingProbability,
    String generatorLoss, Double learningRate, Double beta1, Integer discriminatorSteps) implements Parameters {

  /** Fills in defaults for absent fields. */
  public StyleGanParameters {
    latentDim = latentDim == null ? 64 : latentDim;
    mappingLayers = mappingLayers == null ? 4 : mappingLayers;
    channels = channels == null ? 64 : channels;
    mixingProbability = mixingProbability == null ? 0.9 : mixingProbability;
    generatorLoss = generatorLoss == null ? GeneratorLoss.NON_SATURATING.id() : generatorLoss;
    learningRate = learningRate == null ? 2e-4 : learningRate;
    beta1 = beta1 == null ? 0.5 : beta1;
    discriminatorSteps = discriminatorSteps == null ? 1 : discriminatorSteps;
  }

  @Override
  public void validate(Problems problems) {
    Checks.adversarial(problems, latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
    problems.require(mappingLayers >= 1, "mappingLayers", mappingLayers, "must be >= 1 (the paper uses 8)");
    Checks.width(problems, "channels", channels);
    problems.require(mixingProbability >= 0 && mixingProbability <= 1, "mixingProbability", mixingProbability,
        "must be in [0, 1] (the paper uses 0.9; 0 turns mixing regularisation off)");
  }

  AdversarialProgram program() {
    return AdversarialProgram.of(latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
  }
}
