package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link PgdTrainingProvider}: the network of {@link ClassifierParameters} trained on PGD
 * examples, the saddle-point training of Madry et al., "Towards Deep Learning Models Resistant to
 * Adversarial Attacks" (ICLR 2018): {@code min_theta E max_{||d||_inf <= epsilon} J(x + d, y)}, the inner
 * maximum approximated by {@code steps} projected signed-gradient steps ({@link LinfAttack}) against the
 * current weights before every step.
 *
 * @param channels         channels of the first conv block (default 32)
 * @param latentDim        units of the code (default 128)
 * @param learningRate     Adam learning rate (default 1e-3)
 * @param epsilon          L-infinity radius on images in [0, 1] (default 0.1)
 * @param steps            PGD steps per training batch (default 10)
 * @param relativeStepSize step size as a multiple of {@code epsilon / steps} (default 2.5, Madry et al.'s rule)
 * @param randomStart      start each attack from a uniform point of the ball (default true)
 * @param cleanWeight      weight of the clean loss beside the adversarial one, in [0, 1) (default 0: the
 *                         adversarial loss alone, as in the paper)
 */
public record PgdTrainingParameters(Integer channels, Integer latentDim, Double learningRate, Double epsilon,
    Integer steps, Double relativeStepSize, Boolean randomStart, Double cleanWeight) implements Parameters {

  /** Fills in defaults for absent fields. */
  public PgdTrainingParameters {
    channels = channels == null ? 32 : channels;
    latentDim = latentDim == null ? 128 : latentDim;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    epsilon = epsilon == null ? 0.1 : epsilon;
    steps = steps == null ? 10 : steps;
    relativeStepSize = relativeStepSize == null ? 2.5 : relativeStepSize;
    randomStart = randomStart == null || randomStart;
    cleanWeight = cleanWeight == null ? 0.0 : cleanWeight;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, channels, latentDim, learningRate);
    Checks.epsilon(problems, "epsilon", epsilon);
    Checks.atLeast(problems, "steps", steps, 1);
    problems.require(relativeStepSize > 0 && relativeStepSize <= 100, "relativeStepSize", relativeStepSize,
        "must be in (0, 100]");
    Checks.fraction(problems, "cleanWeight", cleanWeight);
  }

  LinfAttack attack() {
    return LinfAttack.pgd(epsilon, steps, relativeStepSize, randomStart);
  }
}
