package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link LinearProbeEvaluator}. */
public final class LinearProbeEvaluatorProvider implements EvaluatorProvider<LinearProbeParameters> {
  @Override
  public String id() {
    return LinearProbeEvaluator.ID;
  }

  @Override
  public String description() {
    return "Linear probe on frozen features (L2 chosen on a validation split), beside raw-pixel and random-encoder baselines";
  }

  @Override
  public Class<LinearProbeParameters> parametersType() {
    return LinearProbeParameters.class;
  }

  @Override
  public Evaluator create(LinearProbeParameters parameters) {
    return new LinearProbeEvaluator(parameters);
  }
}
