package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Problems;

/** Validation shared by the family's parameter records; each problem names its field. */
final class Checks {
  private Checks() {}

  /** The fields of the {@link ClassifierNetwork} and its optimiser, in this order. */
  static void network(Problems problems, Integer channels, Integer latentDim, Double learningRate) {
    problems.require(channels > 0, "channels", channels, "must be > 0");
    problems.require(latentDim > 0, "latentDim", latentDim, "must be > 0");
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
  }

  /** An L-infinity radius on images in [0, 1]. */
  static void epsilon(Problems problems, String field, Double epsilon) {
    problems.require(epsilon > 0 && epsilon <= 1, field, epsilon, "must be in (0, 1]");
  }

  /** A weight in {@code [0, 1)}. */
  static void fraction(Problems problems, String field, Double value) {
    problems.require(value >= 0 && value < 1, field, value, "must be in [0, 1)");
  }

  /** A value {@code >= 0} (NaN and infinity refused). */
  static void nonNegative(Problems problems, String field, Double value) {
    problems.require(value >= 0 && !value.isInfinite(), field, value, "must be a finite value >= 0");
  }

  /** A count {@code >= min}. */
  static void atLeast(Problems problems, String field, Integer value, int min) {
    problems.require(value >= min, field, value, "must be >= " + min);
  }
}
