package org.latentlab.api.spi;

/** Entry point of an evaluator (linear probe, reconstruction error, ...). */
public interface EvaluatorProvider<P extends Parameters> extends Provider<P> {
  /** Builds the evaluator. */
  Evaluator create(P parameters);
}
