package org.latentlab.experiments.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * What one benchmark worker measured: the JSON line every worker prints on standard output (the
 * framework worker here, the reference loops of {@code org.latentlab.bench} with the same fields).
 *
 * @param caseName            {@code framework} or {@code reference}
 * @param backend             backend id, e.g. {@code djl}
 * @param batch               images per step
 * @param stepsPerRun         steps per timed run
 * @param threads             intra-op threads of the engine
 * @param imagesPerSecondRuns training speed of each timed run
 * @param imagesPerSecond     median of {@code imagesPerSecondRuns}
 * @param stepMillis          median over the timed runs of the mean step time
 * @param startupMillis       from the worker JVM's start to the end of its first training step
 * @param peakRssMiB          peak resident memory of the worker process ({@code null} where unknown)
 * @param firstLoss           loss of the first step ({@code null} if not finite)
 * @param lastLoss            loss of the last step ({@code null} if not finite)
 */
@JsonPropertyOrder({"case", "backend", "batch", "stepsPerRun", "threads", "imagesPerSecondRuns", "imagesPerSecond",
    "stepMillis", "startupMillis", "peakRssMiB", "firstLoss", "lastLoss"})
public record BenchResult(
    @JsonProperty("case") String caseName, String backend, int batch, int stepsPerRun, int threads,
    List<Double> imagesPerSecondRuns, double imagesPerSecond, double stepMillis, long startupMillis,
    Double peakRssMiB, Double firstLoss, Double lastLoss) {

  /** The case of the framework's own training path. */
  public static final String FRAMEWORK = "framework";
  /** The case of a hand-written loop on the same engine. */
  public static final String REFERENCE = "reference";

  /** Copies the list. */
  public BenchResult {
    imagesPerSecondRuns = List.copyOf(imagesPerSecondRuns);
  }

  /**
   * One result from several rounds of the same case (each its own JVM): the timed runs of all rounds
   * pooled, with their median speed and the step time that speed means; the median start-up; the
   * highest peak memory; the losses of the first round.
   */
  public static BenchResult merge(List<BenchResult> rounds) {
    BenchResult first = rounds.get(0);
    List<Double> runs = new ArrayList<>();
    List<Double> startups = new ArrayList<>();
    Double peak = null;
    for (BenchResult r : rounds) {
      runs.addAll(r.imagesPerSecondRuns());
      startups.add((double) r.startupMillis());
      if (r.peakRssMiB() != null) {
        peak = peak == null ? r.peakRssMiB() : Math.max(peak, r.peakRssMiB());
      }
    }
    double imagesPerSecond = BenchProtocol.median(runs);
    return new BenchResult(first.caseName(), first.backend(), first.batch(), first.stepsPerRun(), first.threads(),
        runs, imagesPerSecond, 1000.0 * first.batch() / imagesPerSecond, Math.round(BenchProtocol.median(startups)),
        peak, first.firstLoss(), first.lastLoss());
  }
}
