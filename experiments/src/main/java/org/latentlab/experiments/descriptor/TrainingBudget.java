package org.latentlab.experiments.descriptor;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * The {@code training} section: how long and in what batches a model trains.
 *
 * @param epochs    passes over the training split (default 10)
 * @param batchSize images per step (default 128); the last incomplete batch of an epoch is dropped
 * @param logEvery  iterations between metric lines (default 10)
 * @param checkpointEvery iterations between checkpoints of the training state (default 500), a
 *                  multiple of {@code logEvery}; the two newest are kept, a run that diverges keeps its
 *                  last good one, and {@code latentlab run --resume} continues from the newest
 * @param excludeClasses class indices left out of the training split (default none), e.g. to train an
 *                  anomaly detector without the class it must flag; the test split keeps every class
 * @param snapshotEvery iterations between snapshots of the model kept for evaluators that look at training as
 *                  it went (default 0: none), e.g. FID and samples at fixed noise over training; every snapshot
 *                  is kept, under {@code checkpoints/snapshots/}, without the optimizer's slots
 */
public record TrainingBudget(Integer epochs, Integer batchSize, Integer logEvery, Integer checkpointEvery,
    List<Integer> excludeClasses, Integer snapshotEvery) implements Parameters {
  /** Fills in defaults for absent fields. */
  public TrainingBudget {
    epochs = epochs == null ? 10 : epochs;
    batchSize = batchSize == null ? 128 : batchSize;
    logEvery = logEvery == null ? 10 : logEvery;
    checkpointEvery = checkpointEvery == null ? 500 : checkpointEvery;
    excludeClasses = excludeClasses == null ? List.of() : List.copyOf(excludeClasses);
    snapshotEvery = snapshotEvery == null ? 0 : snapshotEvery;
  }

  /** The defaults. */
  public static TrainingBudget defaults() {
    return new TrainingBudget(null, null, null, null, null, null);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(epochs > 0, "epochs", epochs, "must be > 0");
    problems.require(batchSize > 0, "batchSize", batchSize, "must be > 0");
    problems.require(logEvery > 0, "logEvery", logEvery, "must be > 0");
    problems.require(checkpointEvery > 0, "checkpointEvery", checkpointEvery, "must be > 0");
    problems.require(excludeClasses.stream().allMatch(c -> c != null && c >= 0), "excludeClasses", excludeClasses,
        "must list class indices >= 0");
    problems.require(snapshotEvery >= 0, "snapshotEvery", snapshotEvery, "must be >= 0 (0: no snapshots)");
    if (logEvery > 0 && checkpointEvery > 0) {
      problems.require(checkpointEvery % logEvery == 0, "checkpointEvery", checkpointEvery,
          "must be a multiple of logEvery (" + logEvery + "), so a resumed run logs exactly what an uninterrupted"
              + " one does");
    }
  }
}
