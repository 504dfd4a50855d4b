package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link FgsmTrainingProvider}: the network of {@link ClassifierParameters} trained on
 * {@code w J(x, y) + (1 - w) J(x + epsilon sign(grad_x J(x, y)), y)}, the adversarial objective of
 * Goodfellow, Shlens &amp; Szegedy, "Explaining and Harnessing Adversarial Examples" (ICLR 2015), whose FGSM
 * examples are made against the current weights before every step ({@link RobustClassifier}).
 *
 * @param channels     channels of the first conv block (default 32)
 * @param latentDim    units of the code (default 128)
 * @param learningRate Adam learning rate (default 1e-3)
 * @param epsilon      L-infinity radius of the FGSM examples on images in [0, 1] (default 0.1)
 * @param cleanWeight  {@code w}, the clean loss's weight, in [0, 1) (default 0.5, the paper's alpha)
 */
public record FgsmTrainingParameters(Integer channels, Integer latentDim, Double learningRate, Double epsilon,
    Double cleanWeight) implements Parameters {

  /** Fills in defaults for absent fields. */
  public FgsmTrainingParameters {
    channels = channels == null ? 32 : channels;
    latentDim = latentDim == null ? 128 : latentDim;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    epsilon = epsilon == null ? 0.1 : epsilon;
    cleanWeight = cleanWeight == null ? 0.5 : cleanWeight;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, channels, latentDim, learningRate);
    Checks.epsilon(problems, "epsilon", epsilon);
    Checks.fraction(problems, "cleanWeight", cleanWeight);
  }

  LinfAttack attack() {
    return LinfAttack.fgsm(epsilon);
  }
}
