package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link LatentMapEvaluator}. */
public final class LatentMapEvaluatorProvider implements EvaluatorProvider<LatentMapParameters> {
  @Override
  public String id() {
    return LatentMapEvaluator.ID;
  }

  @Override
  public String description() {
    return "2-D latent maps of test codes coloured by class: PCA (explained variance) and exact t-SNE (2-D kNN accuracy)";
  }

  @Override
  public Class<LatentMapParameters> parametersType() {
    return LatentMapParameters.class;
  }

  @Override
  public Evaluator create(LatentMapParameters parameters) {
    return new LatentMapEvaluator(parameters);
  }
}
