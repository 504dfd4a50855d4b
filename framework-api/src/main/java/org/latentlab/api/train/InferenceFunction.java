package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * A function a trained model offers (encode, decode, reconstruct, generate, features), run in
 * inference mode. Trace-safe like a {@link LossFunction}.
 */
@FunctionalInterface
public interface InferenceFunction {
  /** Named outputs for named inputs. */
  Map<String, Tensor> apply(Ops ops, Map<String, Tensor> inputs);
}
