package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link AnomalyEvaluator}. */
public final class AnomalyEvaluatorProvider implements EvaluatorProvider<AnomalyParameters> {
  @Override
  public String id() {
    return AnomalyEvaluator.ID;
  }

  @Override
  public String description() {
    return "Anomaly detection: AUROC of per-image reconstruction error or negative ELBO, one class as the anomaly";
  }

  @Override
  public Class<AnomalyParameters> parametersType() {
    return AnomalyParameters.class;
  }

  @Override
  public Evaluator create(AnomalyParameters parameters) {
    return new AnomalyEvaluator(parameters);
  }
}
