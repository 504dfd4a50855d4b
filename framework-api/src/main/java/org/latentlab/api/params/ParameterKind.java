package org.latentlab.api.params;

/** What an entry of the {@link ParameterStore} is for. */
public enum ParameterKind {
  /** Learned by gradient descent. */
  TRAINABLE,
  /** Updated by explicit state-update ops (batch-norm running statistics). */
  STATE,
  /** Optimizer slots (moments, step counters); saved with checkpoints for exact resume. */
  OPTIMIZER
}
