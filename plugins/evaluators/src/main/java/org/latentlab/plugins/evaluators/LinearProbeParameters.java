package org.latentlab.plugins.evaluators;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the linear probe.
 *
 * @param l2                candidate L2 strengths; the best on the validation split is used (default 1e-5..1e-2)
 * @param validationFraction share of the training split held out to choose the L2 strength (default 0.1)
 * @param epochs            passes over the data per fit (default 30)
 * @param batchSize         mini-batch size (default 256)
 * @param learningRate      Adam learning rate (default 0.01)
 * @param baselines         automatic baselines to probe too: {@code raw-pixels}, {@code random-encoder}
 *                          (default both)
 * @param blocks            also probe the output of each encoder block the model's {@code encode} offers
 *                          ({@code block-1 ...}; default true)
 */
public record LinearProbeParameters(
    List<Double> l2, Double validationFraction, Integer epochs, Integer batchSize, Double learningRate,
    List<String> baselines, Boolean blocks) implements Parameters {

  /** The baselines this probe knows. */
  static final List<String> KNOWN_BASELINES = List.of("raw-pixels", "random-encoder");

  /** Fills in defaults for absent fields. */
  public LinearProbeParameters {
    l2 = l2 == null ? List.of(1e-5, 1e-4, 1e-3, 1e-2) : List.copyOf(l2);
    validationFraction = validationFraction == null ? 0.1 : validationFraction;
    epochs = epochs == null ? 30 : epochs;
    batchSize = batchSize == null ? 256 : batchSize;
    learningRate = learningRate == null ? 0.01 : learningRate;
    baselines = baselines == null ? KNOWN_BASELINES : List.copyOf(baselines);
    blocks = blocks == null || blocks;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(!l2.isEmpty() && l2.stream().allMatch(v -> v != null && v >= 0),
        "l2", l2, "must be a non-empty list of values >= 0");
    problems.require(validationFraction > 0 && validationFraction < 1,
        "validationFraction", validationFraction, "must be in (0, 1)");
    problems.require(epochs > 0, "epochs", epochs, "must be > 0");
    problems.require(batchSize > 0, "batchSize", batchSize, "must be > 0");
    problems.require(learningRate > 0, "learningRate", learningRate, "must be > 0");
    problems.require(KNOWN_BASELINES.containsAll(baselines),
        "baselines", baselines, "may only contain " + KNOWN_BASELINES);
  }
}
