package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link FineTuneEvaluator}. */
public final class FineTuneEvaluatorProvider implements EvaluatorProvider<FineTuneParameters> {
  @Override
  public String id() {
    return FineTuneEvaluator.ID;
  }

  @Override
  public String description() {
    return "Fine-tuning with few labels: the whole encoder with a linear head, from the trained weights and from scratch";
  }

  @Override
  public Class<FineTuneParameters> parametersType() {
    return FineTuneParameters.class;
  }

  @Override
  public Evaluator create(FineTuneParameters parameters) {
    return new FineTuneEvaluator(parameters);
  }
}
