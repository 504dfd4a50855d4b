package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link ConditionalGanProvider}: the conditional GAN of Mirza &amp; Osindero,
 * "Conditional Generative Adversarial Nets" (arXiv:1411.1784, 2014); see {@link ConditionalGan}.
 *
 * @param architecture       {@code mlp} (default: the paper's MLPs) or {@code conv} (DCGAN networks with a
 *                           projection discriminator; see {@link ConditionalNetworks})
 * @param latentDim          size of the noise {@code z ~ N(0, I)} (default 64)
 * @param hidden             width of the two hidden layers of each network (mlp; default 256)
 * @param channels           channels of the generator's last hidden block and the discriminator's first
 *                           (conv; default 64)
 * @param generatorLoss      {@code non-saturating} (default) or {@code minimax}
 * @param learningRate       Adam learning rate of both networks (default 2e-4)
 * @param beta1              Adam's first-moment decay (default 0.5)
 * @param discriminatorSteps discriminator steps per generator step (default 1)
 * @param averageDecay       decay of the moving average of the generator's weights that samples are drawn
 *                           from ({@link GeneratorAverage}; default 0.999; 0: sample the trained weights)
 */
public record ConditionalGanParameters(String architecture, Integer latentDim, Integer hidden, Integer channels,
    String generatorLoss, Double learningRate, Double beta1, Integer discriminatorSteps, Double averageDecay)
    implements Parameters {
  /** The paper's MLP networks. */
  static final String MLP = "mlp";
  /** DCGAN networks with a projection discriminator. */
  static final String CONV = "conv";

  /** Fills in defaults for absent fields. */
  public ConditionalGanParameters {
    architecture = architecture == null ? MLP : architecture;
    latentDim = latentDim == null ? 64 : latentDim;
    hidden = hidden == null ? 256 : hidden;
    channels = channels == null ? 64 : channels;
    generatorLoss = generatorLoss == null ? GeneratorLoss.NON_SATURATING.id() : generatorLoss;
    learningRate = learningRate == null ? 2e-4 : learningRate;
    beta1 = beta1 == null ? 0.5 : beta1;
    discriminatorSteps = discriminatorSteps == null ? 1 : discriminatorSteps;
    averageDecay = averageDecay == null ? 0.999 : averageDecay;
  }

  @Override
  public void validate(Problems problems) {
    Checks.adversarial(problems, latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
    problems.require(MLP.equals(architecture) || CONV.equals(architecture), "architecture", architecture,
        "must be one of mlp, conv");
    Checks.width(problems, "hidden", hidden);
    Checks.width(problems, "channels", channels);
    Checks.averageDecay(problems, averageDecay);
  }

  AdversarialProgram program() {
    return AdversarialProgram.of(latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
  }
}
