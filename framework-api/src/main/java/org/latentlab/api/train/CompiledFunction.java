package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.tensor.HostTensor;

/** A compiled {@link InferenceFunction}: host arrays in, host arrays out. */
public interface CompiledFunction {
  /** Runs the function on one batch of named inputs. */
  Map<String, HostTensor> apply(Map<String, HostTensor> inputs);
}
