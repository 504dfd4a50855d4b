package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link DcganProvider}: the deep convolutional GAN of Radford, Metz &amp; Chintala,
 * "Unsupervised Representation Learning with Deep Convolutional Generative Adversarial Networks"
 * (ICLR 2016), trained with the game of {@link Gan}; layers in {@link Networks}.
 *
 * @param latentDim          size of the noise {@code z ~ N(0, I)} (default 64)
 * @param channels           channels of the generator's last hidden block and the discriminator's first
 *                           (the other block has twice as many; default 64)
 * @param generatorLoss      {@code non-saturating} (default) or {@code minimax}
 * @param learningRate       Adam learning rate of both networks (default 2e-4, as the paper)
 * @param beta1              Adam's first-moment decay (default 0.5, as the paper)
 * @param discriminatorSteps discriminator steps per generator step (default 1)
 * @param averageDecay       decay of the moving average of the generator's weights that samples are drawn
 *                           from ({@link GeneratorAverage}; default 0.999; 0: sample the trained weights)
 */
public record DcganParameters(Integer latentDim, Integer channels, String generatorLoss, Double learningRate,
    Double beta1, Integer discriminatorSteps, Double averageDecay) implements Parameters {

  /** Fills in defaults for absent fields. */
  public DcganParameters {
    latentDim = latentDim == null ? 64 : latentDim;
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
    Checks.width(problems, "channels", channels);
    Checks.averageDecay(problems, averageDecay);
  }

  AdversarialProgram program() {
    return AdversarialProgram.of(latentDim, generatorLoss, learningRate, beta1, discriminatorSteps);
  }
}
