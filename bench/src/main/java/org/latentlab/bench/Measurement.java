package org.latentlab.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark worker measured.
 *
 * @param imagesPerSecondRuns training speed of each timed run
 * @param stepMillisRuns      mean step time of each timed run
 * @param startupMillis       from the JVM's start to the end of the first training step
 * @param peakRssMiB          peak resident memory of the process (NaN where unknown)
 * @param firstLoss           loss of the first step
 * @param lastLoss            loss of the last step
 */
record Measurement(List<Double> imagesPerSecondRuns, List<Double> stepMillisRuns, long startupMillis,
    double peakRssMiB, double firstLoss, double lastLoss) {

  /** Copies the lists. */
  Measurement {
    imagesPerSecondRuns = List.copyOf(imagesPerSecondRuns);
    stepMillisRuns = List.copyOf(stepMillisRuns);
  }

  /** Median training speed over the timed runs. */
  double imagesPerSecond() {
    return median(imagesPerSecondRuns);
  }

  /** Median step time over the timed runs. */
  double stepMillis() {
    return median(stepMillisRuns);
  }

  /**
   * The one-line JSON record {@code latentlab bench} reads from a worker's standard output: case,
   * backend, batch, stepsPerRun, threads, imagesPerSecondRuns, imagesPerSecond, stepMillis,
   * startupMillis, peakRssMiB, firstLoss, lastLoss.
   */
  String toJson(String caseName, String backend, Protocol protocol, int threads) {
    StringBuilder runs = new StringBuilder("[");
    for (int i = 0; i < imagesPerSecondRuns.size(); i++) {
      runs.append(i == 0 ? "" : ",").append(number(imagesPerSecondRuns.get(i)));
    }
    runs.append(']');
    return String.format(Locale.ROOT, "{\"case\":\"%s\",\"backend\":\"%s\",\"batch\":%d,\"stepsPerRun\":%d,"
            + "\"threads\":%d,\"imagesPerSecondRuns\":%s,\"imagesPerSecond\":%s,\"stepMillis\":%s,"
            + "\"startupMillis\":%d,\"peakRssMiB\":%s,\"firstLoss\":%s,\"lastLoss\":%s}",
        caseName, backend, protocol.batch(), protocol.steps(), threads, runs, number(imagesPerSecond()),
        number(stepMillis()), startupMillis, number(peakRssMiB), number(firstLoss), number(lastLoss));
  }

  /** The median; the mean of the two middle values for an even count. */
  static double median(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("median of no values");
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int mid = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
  }

  /** A JSON number at full precision, or {@code null} for NaN and infinities (JSON has no such numbers). */
  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }
}
