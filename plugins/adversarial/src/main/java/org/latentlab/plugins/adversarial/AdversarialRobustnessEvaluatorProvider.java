package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link AdversarialRobustnessEvaluator}. */
public final class AdversarialRobustnessEvaluatorProvider implements EvaluatorProvider<AdversarialRobustnessParameters> {
  @Override
  public String id() {
    return AdversarialRobustnessEvaluator.ID;
  }

  @Override
  public String description() {
    return "Clean and adversarial (FGSM, PGD) test accuracy of the model's classify function over a range of"
        + " L-infinity radii, with example perturbations";
  }

  @Override
  public Class<AdversarialRobustnessParameters> parametersType() {
    return AdversarialRobustnessParameters.class;
  }

  @Override
  public Evaluator create(AdversarialRobustnessParameters parameters) {
    return new AdversarialRobustnessEvaluator(parameters);
  }
}
