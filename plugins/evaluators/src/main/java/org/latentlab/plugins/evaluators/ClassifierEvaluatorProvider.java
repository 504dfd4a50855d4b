package org.latentlab.plugins.evaluators;

import org.latentlab.api.spi.Evaluator;
import org.latentlab.api.spi.EvaluatorProvider;

/** Entry point of the {@link ClassifierEvaluator}. */
public final class ClassifierEvaluatorProvider implements EvaluatorProvider<ClassifierParameters> {
  @Override
  public String id() {
    return ClassifierEvaluator.ID;
  }

  @Override
  public String description() {
    return "Test accuracy and confusion matrix of the model's own classifier head (classify function)";
  }

  @Override
  public Class<ClassifierParameters> parametersType() {
    return ClassifierParameters.class;
  }

  @Override
  public Evaluator create(ClassifierParameters parameters) {
    return new ClassifierEvaluator(parameters);
  }
}
