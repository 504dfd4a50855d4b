package org.latentlab.plugins.evaluators;

import java.util.SplittableRandom;

/** Random draws on the host for evaluators (seeded {@link SplittableRandom}s, reproducible). */
final class HostRandom {
  private HostRandom() {}

  /** A standard-normal draw (Box-Muller; {@link SplittableRandom} has no Gaussian in Java 17). */
  static double gaussian(SplittableRandom random) {
    double u1;
    do {
      u1 = random.nextDouble();
    } while (u1 <= 0);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * random.nextDouble());
  }
}
