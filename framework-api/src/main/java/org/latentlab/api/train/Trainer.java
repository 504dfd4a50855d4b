package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.tensor.HostTensor;

/**
 * The compiled steps of a {@link TrainingProgram}. A trainer counts the steps it has run (of all
 * step names together); the random draws of a step depend only on the session's seed and that count,
 * so a run restored from a checkpoint ({@link ComputeSession#writeState}) and {@link #resumeAfter
 * resumed} at the same count continues exactly as if it had never stopped.
 */
public interface Trainer {
  /**
   * Runs one optimizer update of step {@code stepName} on {@code batch} and returns its losses:
   * {@link Losses#OBJECTIVE} and every named term, as floats.
   */
  Map<String, Float> step(String stepName, Map<String, HostTensor> batch);

  /** The number of steps run so far, counting from the last {@link #resumeAfter} (0 at first). */
  long stepsRun();

  /** Continues as if {@code steps} steps had already run: the next step draws what step {@code steps + 1} would. */
  void resumeAfter(long steps);
}
