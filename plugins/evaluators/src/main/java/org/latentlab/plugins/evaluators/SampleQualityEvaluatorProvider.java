package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link SampleQualityEvaluator}. */
public final class SampleQualityEvaluatorProvider implements EvaluatorProvider<SampleQualityParameters> {
  @Override
  public String id() {
    return SampleQualityEvaluator.ID;
  }

  @Override
  public String description() {
    return "Sample quality in the domain classifier's features: FID-LeNet with its real-train-vs-test floor,"
        + " k-NN manifold precision and recall";
  }

  @Override
  public Class<SampleQualityParameters> parametersType() {
    return SampleQualityParameters.class;
  }

  @Override
  public Evaluator create(SampleQualityParameters parameters) {
    return new SampleQualityEvaluator(parameters);
  }
}
