package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Problems;

/** Validation shared by the parameter records of the family. */
final class Checks {
  private Checks() {}

  /** Checks the fields of the adversarial game every model of the family has, in this order. */
  static void adversarial(Problems problems, Integer latentDim, String generatorLoss, Double learningRate,
      Double beta1, Integer discriminatorSteps) {
    problems.require(latentDim > 0, "latentDim", latentDim, "must be > 0");
    problems.require(GeneratorLoss.parse(generatorLoss) != null, "generatorLoss", generatorLoss,
        "must be one of minimax, non-saturating");
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
    problems.require(beta1 >= 0 && beta1 < 1, "beta1", beta1, "must be in [0, 1)");
    problems.require(discriminatorSteps >= 1, "discriminatorSteps", discriminatorSteps, "must be >= 1");
  }

  /** Checks the decay of a {@link GeneratorAverage}. */
  static void averageDecay(Problems problems, Double averageDecay) {
    problems.require(averageDecay >= 0 && averageDecay < 1, "averageDecay", averageDecay,
        "must be in [0, 1) (0: no average)");
  }

  /** Checks a network width ({@code hidden} or {@code channels}). */
  static void width(Problems problems, String field, Integer value) {
    problems.require(value > 0, field, value, "must be > 0");
  }
}
