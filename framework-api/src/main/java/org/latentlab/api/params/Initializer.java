package org.latentlab.api.params;

import java.util.SplittableRandom;

/**
 * Fills a new parameter on the host. Initialising on the host from a seeded generator makes every
 * backend start from bit-identical weights.
 */
@FunctionalInterface
public interface Initializer {

  /**
   * Values for a parameter of {@code shape}.
   *
   * @param fanIn  inputs feeding one output unit (e.g. {@code cin * k * k} for a convolution)
   * @param fanOut outputs fed by one input unit
   */
  float[] initialize(int[] shape, int fanIn, int fanOut, SplittableRandom random);
}
