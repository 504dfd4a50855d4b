package org.latentlab.plugins.adversarial;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of {@link DannProvider} ({@link Dann}; Ganin et al., JMLR 2016).
 *
 * @param channels     channels of the feature extractor's first conv block (default 32)
 * @param latentDim    units of the features the label predictor and the domain classifier read (default 128)
 * @param learningRate Adam learning rate (default 1e-3)
 * @param domainWeight {@code w}, the largest reversal coefficient (default 1; 0: source-only training)
 * @param schedule     {@code ganin} ({@code lambda_p = w (2 / (1 + exp(-10 p)) - 1)}, default) or
 *                     {@code constant} ({@code lambda = w})
 * @param domainHidden hidden units of the domain classifier (default 128)
 * @param domainSteps  extra steps of the domain classifier alone (on fixed features, each on its own batch)
 *                     before every reversal step (default 1; 0: none, the paper's single minimisation)
 */
public record DannParameters(Integer channels, Integer latentDim, Double learningRate, Double domainWeight,
    String schedule, Integer domainHidden, Integer domainSteps) implements Parameters {

  /** The schedules {@code schedule} may name. */
  static final List<String> SCHEDULES = List.of("ganin", "constant");

  /** Fills in defaults for absent fields. */
  public DannParameters {
    channels = channels == null ? 32 : channels;
    latentDim = latentDim == null ? 128 : latentDim;
    learningRate = learningRate == null ? 1e-3 : learningRate;
    domainWeight = domainWeight == null ? 1.0 : domainWeight;
    schedule = schedule == null ? "ganin" : schedule;
    domainHidden = domainHidden == null ? 128 : domainHidden;
    domainSteps = domainSteps == null ? 1 : domainSteps;
  }

  @Override
  public void validate(Problems problems) {
    Checks.network(problems, channels, latentDim, learningRate);
    Checks.nonNegative(problems, "domainWeight", domainWeight);
    problems.require(SCHEDULES.contains(schedule), "schedule", schedule, "must be one of " + SCHEDULES);
    Checks.atLeast(problems, "domainHidden", domainHidden, 1);
    Checks.atLeast(problems, "domainSteps", domainSteps, 0);
  }

  /** The reversal coefficient at training progress {@code p} in [0, 1]. */
  double lambda(double p) {
    return schedule.equals("constant") ? domainWeight : domainWeight * (2 / (1 + Math.exp(-10 * p)) - 1);
  }
}
