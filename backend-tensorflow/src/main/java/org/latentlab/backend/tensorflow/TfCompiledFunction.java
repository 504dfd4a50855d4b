package org.latentlab.backend.tensorflow;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.InferenceFunction;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;

/**
 * An inference function traced into the session's graph once per input signature (names and
 * shapes), in inference mode, then run per call; its random ops are seeded
 * with the call's number, so successive calls draw anew. Gradients it asks for are symbolic graph ops.
 */
final class TfCompiledFunction implements CompiledFunction {
  private final TfComputeSession session;
  private final InferenceFunction function;
  private final Map<String, TracedCall> traced = new HashMap<>();
  private long calls;

  TfCompiledFunction(TfComputeSession session, InferenceFunction function) {
    this.session = session;
    this.function = function;
  }

  @Override
  public Map<String, HostTensor> apply(Map<String, HostTensor> batch) {
    return traced.computeIfAbsent(TracedCall.signature(batch), key -> trace(batch)).run(batch, ++calls);
  }

  private TracedCall trace(Map<String, HostTensor> batch) {
    TfOps ops = new TfOps(session, false);
    Map<String, Placeholder<TFloat32>> placeholders = new LinkedHashMap<>();
    Map<String, Tensor> inputs = ops.placeholders(batch, placeholders);
    Map<String, Tensor> outputs = function.apply(ops, inputs);
    if (!ops.assigned().isEmpty()) {
      throw new IllegalStateException("an inference function may not assign state (it assigned " + ops.assigned() + ")");
    }
    Map<String, Operand<TFloat32>> fetched = new LinkedHashMap<>();
    outputs.forEach((name, t) -> fetched.put(name, TfOps.op(t)));
    return new TracedCall(session.session(), placeholders, fetched, null, ops.randomStepInput());
  }
}
