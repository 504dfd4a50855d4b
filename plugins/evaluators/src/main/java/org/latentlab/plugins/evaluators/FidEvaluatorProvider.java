package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link FidEvaluator}. */
public final class FidEvaluatorProvider implements EvaluatorProvider<FidParameters> {
  @Override
  public String id() {
    return FidEvaluator.ID;
  }

  @Override
  public String description() {
    return "FID-LeNet: Frechet distance of generated and real test images in the domain classifier's features,"
        + " with its real-train-vs-test floor";
  }

  @Override
  public Class<FidParameters> parametersType() {
    return FidParameters.class;
  }

  @Override
  public Evaluator create(FidParameters parameters) {
    return new FidEvaluator(parameters);
  }
}
