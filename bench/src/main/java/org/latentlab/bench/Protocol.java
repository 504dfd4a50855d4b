package org.latentlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The measurement protocol {@code latentlab bench} runs in every worker: {@code warmup} untimed steps,
 * then {@code runs} timed runs of {@code steps} steps each; a run's speed is
 * {@code steps * batch / seconds}. The framework's worker in the launcher follows the same protocol.
 *
 * @param batch  images per step
 * @param warmup untimed steps first (JIT, engine caches, allocator); the first one ends the start-up time
 * @param runs   timed runs
 * @param steps  steps per timed run
 */
record Protocol(int batch, int warmup, int runs, int steps) {
  /** Checks the counts. */
  Protocol {
    if (batch < 1 || warmup < 1 || runs < 1 || steps < 1) {
      throw new IllegalArgumentException("bench protocol needs batch >= 1, warmup >= 1, runs >= 1, steps >= 1 (was batch "
          + batch + ", warmup " + warmup + ", runs " + runs + ", steps " + steps + ")");
    }
  }

  /**
   * Runs the protocol over {@code step} (one optimizer update, returning its loss) and measures it.
   * Start-up time runs from the JVM's start to the end of the first step.
   */
  Measurement measure(DoubleSupplier step) {
    double first = step.getAsDouble();
    long startupMillis = System.currentTimeMillis() - ProcessStats.jvmStartMillis();
    double last = first;
    for (int i = 1; i < warmup; i++) {
      last = step.getAsDouble();
    }
    List<Double> imagesPerSecond = new ArrayList<>(runs);
    List<Double> stepMillis = new ArrayList<>(runs);
    for (int r = 0; r < runs; r++) {
      long start = System.nanoTime();
      for (int s = 0; s < steps; s++) {
        last = step.getAsDouble();
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      imagesPerSecond.add(steps * (double) batch / seconds);
      stepMillis.add(seconds * 1000 / steps);
    }
    return new Measurement(imagesPerSecond, stepMillis, startupMillis, ProcessStats.peakRssMiB(), first, last);
  }
}
