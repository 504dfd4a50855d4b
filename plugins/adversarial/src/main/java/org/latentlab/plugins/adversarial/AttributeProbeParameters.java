package org.latentlab.plugins.adversarial;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the attribute-probe evaluator ({@link AttributeProbeEvaluator}).
 *
 * @param attribute    the sensitive attribute ({@link SensitiveAttribute}): {@code background-luminance}
 *                     (default) or the name of a factor of the data set
 * @param threshold    the attribute is 1 above it (default 0.5)
 * @param hidden       hidden units of the fresh probes (default 128; 0: linear probes)
 * @param epochs       passes over the training codes (default 30)
 * @param batchSize    mini-batch size (default 128)
 * @param learningRate Adam learning rate (default 1e-3)
 * @param baselines    representations probed the same way besides the code: {@code raw-pixels} (default) or
 *                     none
 */
public record AttributeProbeParameters(String attribute, Double threshold, Integer hidden, Integer epochs,
    Integer batchSize, Double learningRate, List<String> baselines) implements Parameters {

  /** The baselines {@code baselines} may name. */
  static final List<String> KNOWN_BASELINES = List.of("raw-pixels");

  /** Fills in defaults for absent fields. */
  public AttributeProbeParameters {
    attribute = attribute == null ? SensitiveAttribute.BACKGROUND_LUMINANCE : attribute;
    threshold = threshold == null ? 0.5 : threshold;
    hidden = hidden == null ? 128 : hidden;
    epochs = epochs == null ? 30 : epochs;
    batchSize = batchSize == null ? 128 : batchSize;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    baselines = baselines == null ? KNOWN_BASELINES : List.copyOf(baselines);
  }

  @Override
  public void validate(Problems problems) {
    problems.require(!attribute.isBlank(), "attribute", attribute,
        "must be background-luminance or the name of a factor of the data set");
    problems.require(Double.isFinite(threshold), "threshold", threshold, "must be a finite number");
    Checks.atLeast(problems, "hidden", hidden, 0);
    Checks.atLeast(problems, "epochs", epochs, 1);
    Checks.atLeast(problems, "batchSize", batchSize, 1);
    problems.require(learningRate > 0 && learningRate < 10, "learningRate", learningRate, "must be in (0, 10)");
    problems.require(KNOWN_BASELINES.containsAll(baselines), "baselines", baselines,
        "may only contain " + KNOWN_BASELINES);
  }

  MlpProbe.Settings probe() {
    return new MlpProbe.Settings(hidden, epochs, batchSize, learningRate);
  }
}
