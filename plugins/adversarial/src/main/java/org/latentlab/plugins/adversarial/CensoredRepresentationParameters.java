package org.latentlab.plugins.adversarial;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link CensoredRepresentationProvider} ({@link CensoredRepresentation}; Edwards &amp; Storkey
 * 2016).
 *
 * @param channels        channels of the encoder's first conv block (default 32)
 * @param latentDim       units of the code (default 128)
 * @param learningRate    Adam learning rate of every step (default 1e-3)
 * @param attribute       the sensitive attribute ({@link SensitiveAttribute}): {@code background-luminance}
 *                        (default) or the name of a factor of the data set
 * @param threshold       the attribute is 1 above it (default 0.5)
 * @param adversaryWeight {@code alpha}: how hard the encoder works against the adversary, the reversal
 *                        coefficient or the confusion term's weight (default 3; 0: the unconstrained encoder)
 * @param adversaryHidden hidden units of the adversary (default 128)
 * @param adversarySteps  steps of the adversary alone on fixed codes before each encoder step (default 5)
 * @param censoring       {@code confusion} (default: the encoder pushes the adversary's guess towards 1/2;
 *                        needs {@code adversarySteps >= 1}) or {@code reversal} (the paper's minimax game through
 *                        gradient reversal; a fresh probe found more of the attribute after it)
 */
public record CensoredRepresentationParameters(Integer channels, Integer latentDim, Double learningRate,
    String attribute, Double threshold, Double adversaryWeight, Integer adversaryHidden, Integer adversarySteps,
    String censoring) implements Parameters {

  /** The ways {@code censoring} may name. */
  static final List<String> CENSORING = List.of("reversal", "confusion");

  /** Fills in defaults for absent fields. */
  public CensoredRepresentationParameters {
    channels = channels == null ? 32 : channels;
    latentDim = latentDim == null ? 128 : latentDim;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    attribute = attribute == null ? SensitiveAttribute.BACKGROUND_LUMINANCE : attribute;
    threshold = threshold == null ? 0.5 : threshold;
    adversaryWeight = adversaryWeight == null ? 3.0 : adversaryWeight;
    adversaryHidden = adversaryHidden == null ? 128 : adversaryHidden;
    adversarySteps = adversarySteps == null ? 5 : adversarySteps;
    censoring = censoring == null ? "confusion" : censoring;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, channels, latentDim, learningRate);
    problems.require(!attribute.isBlank(), "attribute", attribute,
        "must be background-luminance or the name of a factor of the data set");
    problems.require(Double.isFinite(threshold), "threshold", threshold, "must be a finite number");
    Checks.nonNegative(problems, "adversaryWeight", adversaryWeight);
    Checks.atLeast(problems, "adversaryHidden", adversaryHidden, 1);
    Checks.atLeast(problems, "adversarySteps", adversarySteps, 0);
    problems.require(CENSORING.contains(censoring), "censoring", censoring, "must be one of " + CENSORING);
    problems.require(!confusion() || adversarySteps >= 1, "adversarySteps", adversarySteps,
        "must be >= 1 with censoring: confusion (the adversary learns only in its own steps)");
  }

  /** Whether the encoder confuses the adversary rather than playing the minimax game. */
  boolean confusion() {
    return censoring.equals("confusion");
  }

  SensitiveAttribute sensitiveAttribute() {
    return new SensitiveAttribute(attribute, threshold);
  }
}
