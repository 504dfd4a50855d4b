package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link CodeStatisticsEvaluator}. */
public final class CodeStatisticsEvaluatorProvider implements EvaluatorProvider<CodeStatisticsParameters> {
  @Override
  public String id() {
    return CodeStatisticsEvaluator.ID;
  }

  @Override
  public String description() {
    return "Mean activation of the code units (sparsity against a target rho), inactive fraction, per-unit table";
  }

  @Override
  public Class<CodeStatisticsParameters> parametersType() {
    return CodeStatisticsParameters.class;
  }

  @Override
  public Evaluator create(CodeStatisticsParameters parameters) {
    return new CodeStatisticsEvaluator(parameters);
  }
}
