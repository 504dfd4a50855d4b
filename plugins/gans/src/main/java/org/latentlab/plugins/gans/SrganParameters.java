package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link SrganProvider}: SRGAN-style super-resolution after Ledig et al., "Photo-Realistic Single
 * Image Super-Resolution Using a Generative Adversarial Network" (CVPR 2017); see {@link Srgan}.
 *
 * @param factor            upscaling factor, 2 or 4: the generator sees the images average-pooled by it (28x28
 *                          digits become 14x14 or 7x7; default 2)
 * @param channels          feature maps of the generator's residual trunk and of the discriminator's first
 *                          convolution (default 32)
 * @param blocks            residual blocks of the generator (default 4)
 * @param loss              {@code perceptual} (default: pixel MSE + adversarial + feature loss) or {@code mse}
 *                          (pixel MSE alone, no discriminator: the SRResNet baseline)
 * @param adversarialWeight weight of the non-saturating adversarial term in the perceptual loss (default 1e-3,
 *                          as the paper)
 * @param featureWeight     weight of the feature-space MSE in the perceptual loss (default 0.01); 0 leaves the
 *                          feature network out, so unlabelled data works
 * @param learningRate      Adam learning rate of every network (default 1e-3)
 * @param beta1             Adam's first-moment decay (default 0.9, as the paper)
 */
public record SrganParameters(Integer factor, Integer channels, Integer blocks, String loss,
    Double adversarialWeight, Double featureWeight, Double learningRate, Double beta1) implements Parameters {

  /** Fills in defaults for absent fields. */
  public SrganParameters {
    factor = factor == null ? 2 : factor;
    channels = channels == null ? 32 : channels;
    blocks = blocks == null ? 4 : blocks;
    loss = loss == null ? SuperResolutionLoss.PERCEPTUAL.id() : loss;
    adversarialWeight = adversarialWeight == null ? 1e-3 : adversarialWeight;
    featureWeight = featureWeight == null ? 0.01 : featureWeight;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    beta1 = beta1 == null ? 0.9 : beta1;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(factor == 2 || factor == 4, "factor", factor, "must be 2 or 4");
    Checks.width(problems, "channels", channels);
    problems.require(blocks >= 1, "blocks", blocks, "must be >= 1");
    problems.require(SuperResolutionLoss.parse(loss) != null, "loss", loss, "must be one of mse, perceptual");
    problems.require(adversarialWeight >= 0 && Double.isFinite(adversarialWeight), "adversarialWeight",
        adversarialWeight, "must be a finite number >= 0");
    problems.require(featureWeight >= 0 && Double.isFinite(featureWeight), "featureWeight", featureWeight,
        "must be a finite number >= 0");
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
    problems.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "must be in [0, 1)");
  }

  /** The parsed loss. */
  SuperResolutionLoss lossForm() {
    return SuperResolutionLoss.parse(loss);
  }
}
