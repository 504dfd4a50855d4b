package org.latentlab.api.spi;

import org.latentlab.api.train.ComputeSession;

/**
 * A copy of a run's model in a session of its own, for an evaluator to train further (fine-tuning): the
 * model (whose inference functions, e.g. {@code encode}, can be called inside the evaluator's own training
 * steps) and the session holding its weights and the parameters the evaluator declared. Close it when done.
 */
public interface FineTuning extends AutoCloseable {
  /** The model, built afresh for this session. */
  Model model();

  /** The session with the model's weights and the evaluator's own parameters. */
  ComputeSession session();

  /** Frees the session. */
  @Override
  void close();
}
