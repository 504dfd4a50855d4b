package org.latentlab.experiments.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * The measurement protocol of {@code latentlab bench}: {@code warmup} untimed steps, then
 * {@code runs} timed runs of {@code steps} steps each; a run's speed is {@code steps * batch /
 * seconds}, and the results are the medians over the runs. The reference loops of
 * {@code org.latentlab.bench} implement the same protocol on their own: that module depends on the
 * engines only and is started by name, so the two cannot share code.
 *
 * @param batch  images per step
 * @param warmup untimed steps first (JIT, engine caches, allocator); the first one ends the start-up time
 * @param runs   timed runs
 * @param steps  steps per timed run
 */
public record BenchProtocol(int batch, int warmup, int runs, int steps) {
  private static final Path PROC_STATUS = Path.of("/proc/self/status");

  /** Checks the counts. */
  public BenchProtocol {
    if (batch < 1 || warmup < 1 || runs < 1 || steps < 1) {
      throw new IllegalArgumentException("bench needs --batch >= 1, --warmup >= 1, --runs >= 1 and --steps >= 1"
          + " (was batch " + batch + ", warmup " + warmup + ", runs " + runs + ", steps " + steps + ")");
    }
  }

  /** The protocol as worker options: {@code --batch B --warmup W --runs R --steps S}. */
  public List<String> workerArguments() {
    return List.of("--batch", Integer.toString(batch), "--warmup", Integer.toString(warmup),
        "--runs", Integer.toString(runs), "--steps", Integer.toString(steps));
  }

  /**
   * Runs the protocol over {@code step} (one optimizer update, returning its loss) and measures it.
   * Start-up time runs from this JVM's start to the end of the first step.
   */
  public BenchResult measure(String caseName, String backend, int threads, DoubleSupplier step) {
    double first = step.getAsDouble();
    long startupMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
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
    return new BenchResult(caseName, backend, batch, steps, threads, imagesPerSecond, median(imagesPerSecond),
        median(stepMillis), startupMillis, peakRssMiB(), finiteOrNull(first), finiteOrNull(last));
  }

  /** The median; the mean of the two middle values for an even count. */
  public static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** Peak resident set size ({@code VmHWM}) in MiB, or {@code null} where the system does not say. */
  private static Double peakRssMiB() {
    try {
      for (String line : Files.readAllLines(PROC_STATUS)) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring("VmHWM:".length()).replace("kB", "").trim()) / 1024.0;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  private static Double finiteOrNull(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
