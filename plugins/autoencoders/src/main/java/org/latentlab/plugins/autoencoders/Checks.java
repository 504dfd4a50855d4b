package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Problems;

/** Validation shared by the parameter records of the family. */
final class Checks {
  private Checks() {}

  /** Checks the network and optimiser fields every model of the family has, in this order. */
  static void network(Problems problems, String architecture, Integer latentDim, Integer channels, Integer hidden) {
    problems.require(Architecture.parse(architecture) != null, "architecture", architecture, "must be one of conv, mlp");
    problems.require(latentDim > 0, "latentDim", latentDim, "must be > 0");
    problems.require(channels > 0, "channels", channels, "must be > 0");
    problems.require(hidden > 0, "hidden", hidden, "must be > 0");
  }

  static void loss(Problems problems, String loss) {
    problems.require(ReconstructionLoss.parse(loss) != null, "loss", loss, "must be one of bce, mse");
  }

  static void learningRate(Problems problems, Double learningRate) {
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
  }

  /** Network size for the architecture: {@code channels} for conv, {@code hidden} for mlp. */
  static int size(Architecture architecture, int channels, int hidden) {
    return architecture == Architecture.CONV ? channels : hidden;
  }
}
