package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link ActiveLearningEvaluator}. */
public final class ActiveLearningEvaluatorProvider implements EvaluatorProvider<ActiveLearningParameters> {
  @Override
  public String id() {
    return ActiveLearningEvaluator.ID;
  }

  @Override
  public String description() {
    return "Active learning in the latent space: probe accuracy against labels for random, uncertainty (margin,"
        + " entropy) and k-center selection";
  }

  @Override
  public Class<ActiveLearningParameters> parametersType() {
    return ActiveLearningParameters.class;
  }

  @Override
  public Evaluator create(ActiveLearningParameters parameters) {
    return new ActiveLearningEvaluator(parameters);
  }
}
