package org.latentlab.api.params;

import java.util.SplittableRandom;

/**
 * Seed arithmetic shared by the framework, the backends and plugins, so every derived stream is made
 * the same way: {@link #mix} turns a seed and an index (a step, an op, a call) into an independent
 * seed, and {@link #gaussian} draws a standard normal from a {@link SplittableRandom}.
 */
public final class RandomStreams {
  private RandomStreams() {}

  /** A seed for stream {@code index} of {@code seed}: the two combined and scrambled (SplitMix64's finaliser). */
  public static long mix(long seed, long index) {
    long z = seed + index * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A standard-normal draw (Box-Muller; {@link SplittableRandom} has no Gaussian in Java 17). */
  public static double gaussian(SplittableRandom random) {
    double u1;
    do {
      u1 = random.nextDouble();
    } while (u1 <= Double.MIN_NORMAL);
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
}
