package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;

/**
 * One model's parameters materialised on a backend, with the training steps and inference functions
 * compiled against them. Training runs one session at a time per process (an engine limit on DJL).
 */
public interface ComputeSession extends AutoCloseable {

  /** The store this session materialised; new entries (optimizer slots) are picked up on compile. */
  ParameterStore store();

  /** Compiles every step of {@code program} (declaring optimizer slots in the store first). */
  Trainer trainer(TrainingProgram program);

  /** Compiles an inference function (run with {@link org.latentlab.api.ops.Ops#training()} false). */
  CompiledFunction compile(InferenceFunction function);

  /** A copy of every entry's current value: parameters, state and optimizer slots. */
  Map<String, HostTensor> readState();

  /** Overwrites entries with the given values (shapes must match); others keep their values. */
  void writeState(Map<String, HostTensor> values);

  /** Frees the backend's memory for this session. */
  @Override
  void close();
}
