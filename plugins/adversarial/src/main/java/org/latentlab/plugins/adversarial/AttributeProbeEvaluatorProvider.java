package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link AttributeProbeEvaluator}. */
public final class AttributeProbeEvaluatorProvider implements EvaluatorProvider<AttributeProbeParameters> {
  @Override
  public String id() {
    return AttributeProbeEvaluator.ID;
  }

  @Override
  public String description() {
    return "Fresh probes on the frozen code: how well a sensitive attribute (e.g. background luminance) and the"
        + " class can still be predicted, against chance";
  }

  @Override
  public Class<AttributeProbeParameters> parametersType() {
    return AttributeProbeParameters.class;
  }

  @Override
  public Evaluator create(AttributeProbeParameters parameters) {
    return new AttributeProbeEvaluator(parameters);
  }
}
