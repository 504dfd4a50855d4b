package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link ReconstructionErrorEvaluator}. */
public final class ReconstructionErrorEvaluatorProvider implements EvaluatorProvider<ReconstructionErrorParameters> {
  @Override
  public String id() {
    return ReconstructionErrorEvaluator.ID;
  }

  @Override
  public String description() {
    return "Reconstruction error (MSE and binary cross-entropy per pixel) on the test split";
  }

  @Override
  public Class<ReconstructionErrorParameters> parametersType() {
    return ReconstructionErrorParameters.class;
  }

  @Override
  public Evaluator create(ReconstructionErrorParameters parameters) {
    return new ReconstructionErrorEvaluator(parameters);
  }
}
