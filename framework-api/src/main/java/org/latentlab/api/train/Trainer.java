package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.tensor.HostTensor;

/** The compiled steps of a {@link TrainingProgram}. */
public interface Trainer {
  /**
   * Runs one optimizer update of step {@code stepName} on {@code batch} and returns its losses:
   * {@link Losses#OBJECTIVE} and every named term, as floats.
   */
  Map<String, Float> step(String stepName, Map<String, HostTensor> batch);
}
