package org.latentlab.api.spi;

/** Measures a trained model. */
@FunctionalInterface
public interface Evaluator {
  /** Runs the evaluation; may train small auxiliary models through {@link EvaluationContext#backend()}. */
  Evaluation evaluate(EvaluationContext context) throws Exception;
}
