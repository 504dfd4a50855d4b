package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the fine-tuning evaluator.
 *
 * @param counts       numbers of training labels, class-balanced ({@code round(count / classes)} per class, at
 *                     least 1; default 100, 1000)
 * @param steps        Adam steps per fit (default 500)
 * @param batchSize    labelled images per step (default 64; fewer when there are fewer labels)
 * @param learningRate Adam learning rate of the encoder and the head (default 1e-3)
 * @param fromScratch  also train the same network from its initial weights on the same labels (default true):
 *                     the baseline that shows what the pretraining gives
 */
public record FineTuneParameters(List<Integer> counts, Integer steps, Integer batchSize, Double learningRate,
    Boolean fromScratch) implements Parameters {

  /** Fills in defaults for absent fields. */
  public FineTuneParameters {
    counts = counts == null ? List.of(100, 1000) : List.copyOf(counts);
    steps = steps == null ? 500 : steps;
    batchSize = batchSize == null ? 64 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    fromScratch = fromScratch == null || fromScratch;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(!counts.isEmpty() && counts.stream().allMatch(c -> c != null && c >= 1), "counts", counts,
        "must be a non-empty list of label counts >= 1");
    problems.require(steps >= 1, "steps", steps, "must be >= 1");
    problems.require(batchSize >= 1, "batchSize", batchSize, "must be >= 1");
    problems.require(learningRate > 0, "learningRate", learningRate, "must be > 0");
  }
}
