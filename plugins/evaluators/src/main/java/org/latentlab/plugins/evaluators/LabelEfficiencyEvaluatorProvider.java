package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link LabelEfficiencyEvaluator}. */
public final class LabelEfficiencyEvaluatorProvider implements EvaluatorProvider<LabelEfficiencyParameters> {
  @Override
  public String id() {
    return LabelEfficiencyEvaluator.ID;
  }

  @Override
  public String description() {
    return "Linear-probe accuracy with 1%, 10% and 100% of the training labels, beside raw pixels";
  }

  @Override
  public Class<LabelEfficiencyParameters> parametersType() {
    return LabelEfficiencyParameters.class;
  }

  @Override
  public Evaluator create(LabelEfficiencyParameters parameters) {
    return new LabelEfficiencyEvaluator(parameters);
  }
}
