package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link PretextEvaluator}; it takes no parameters. */
public final class PretextEvaluatorProvider implements EvaluatorProvider<PretextParameters> {
  @Override
  public String id() {
    return PretextEvaluator.ID;
  }

  @Override
  public String description() {
    return "A pretext task's own test score (e.g. rotation accuracy, colour error) from its pretext-scores function";
  }

  @Override
  public Class<PretextParameters> parametersType() {
    return PretextParameters.class;
  }

  @Override
  public Evaluator create(PretextParameters parameters) {
    return new PretextEvaluator();
  }
}
