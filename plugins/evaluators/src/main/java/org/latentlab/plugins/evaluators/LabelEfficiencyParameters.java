package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the label-efficiency evaluator.
 *
 * @param fractions    shares of the training labels to probe with, each in (0, 1] (default 0.01, 0.1, 1.0)
 * @param counts       numbers of training labels to probe with as well, each >= 1, class-balanced
 *                     ({@code round(count / classes)} per class, at least 1; e.g. 10, 100, 1000; default none)
 * @param l2           L2 strength of the logistic regression (default 1e-4; no validation split is held
 *                     out, since 1% of the labels leaves too few to choose one)
 * @param epochs       passes over the whole training split; smaller subsets get as many optimiser steps
 *                     as the whole split would (default 30)
 * @param batchSize    mini-batch size (default 256)
 * @param learningRate Adam learning rate (default 0.01)
 * @param baselines    automatic baselines to probe too: {@code raw-pixels}, {@code random-encoder}
 *                     (default {@code raw-pixels})
 */
public record LabelEfficiencyParameters(List<Double> fractions, List<Integer> counts, Double l2, Integer epochs, Integer batchSize,
    Double learningRate, List<String> baselines) implements Parameters {

  /** Fills in defaults for absent fields. */
  public LabelEfficiencyParameters {
    fractions = fractions == null ? List.of(0.01, 0.1, 1.0) : List.copyOf(fractions);
    counts = counts == null ? List.of() : List.copyOf(counts);
    l2 = l2 == null ? 1e-4 : l2;
    epochs = epochs == null ? 30 : epochs;
    batchSize = batchSize == null ? 256 : batchSize;
    learningRate = learningRate == null ? 0.01 : learningRate;
    baselines = baselines == null ? List.of("raw-pixels") : List.copyOf(baselines);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(!fractions.isEmpty() && fractions.stream().allMatch(f -> f != null && f > 0 && f <= 1),
        "fractions", fractions, "must be a non-empty list of values in (0, 1]");
    problems.require(counts.stream().allMatch(c -> c != null && c >= 1), "counts", counts,
        "must be a list of label counts >= 1");
    problems.require(l2 >= 0, "l2", l2, "must be >= 0");
    problems.require(epochs > 0, "epochs", epochs, "must be > 0");
    problems.require(batchSize > 0, "batchSize", batchSize, "must be > 0");
    problems.require(learningRate > 0, "learningRate", learningRate, "must be > 0");
    problems.require(LinearProbeParameters.KNOWN_BASELINES.containsAll(baselines),
        "baselines", baselines, "may only contain " + LinearProbeParameters.KNOWN_BASELINES);
  }
}
