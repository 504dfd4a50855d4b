package org.latentlab.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.InferenceFunction;

/**
 * An inference function run eagerly per call in inference mode ({@code training() == false}). If it
 * asks for gradients ({@link org.latentlab.api.ops.Ops#gradients}), the call is re-run with its inputs
 * recording gradients under the gradient collector, and the function runs that way from then on.
 */
final class DjlCompiledFunction implements CompiledFunction {
  private final Engine engine;
  private final NDManager manager;
  private final Map<String, NDArray> values;
  private final InferenceFunction function;
  private boolean needsInputGradients;

  DjlCompiledFunction(Engine engine, NDManager manager, Map<String, NDArray> values, InferenceFunction function) {
    this.engine = engine;
    this.manager = manager;
    this.values = values;
    this.function = function;
  }

  @Override
  public Map<String, HostTensor> apply(Map<String, HostTensor> batch) {
    if (!needsInputGradients) {
      ExclusiveCollector.recordNothing();
      try {
        return run(batch, InputGradients.RERUN_WITH_GRADIENTS);
      } catch (InputGradients.RerunWithGradients e) {
        needsInputGradients = true;
      }
    }
    try (ExclusiveCollector ignored = ExclusiveCollector.open(engine)) {
      return run(batch, InputGradients.RECORDING);
    }
  }

  private Map<String, HostTensor> run(Map<String, HostTensor> batch, InputGradients gradients) {
    try (NDManager scope = manager.newSubManager()) {
      Map<String, Tensor> inputs = inputs(scope, batch);
      if (gradients == InputGradients.RECORDING) {
        inputs.values().forEach(t -> DjlOps.arr(t).setRequiresGradient(true));
      }
      DjlOps ops = new DjlOps(values, scope, false, gradients);
      Map<String, Tensor> outputs = function.apply(ops, inputs);
      Map<String, HostTensor> out = new LinkedHashMap<>();
      outputs.forEach((k, v) -> out.put(k, DjlComputeSession.toHost(DjlOps.arr(v))));
      if (!ops.assignments().isEmpty()) {
        throw new IllegalStateException("an inference function may not assign state (it assigned "
            + ops.assignments().keySet() + ")");
      }
      return out;
    }
  }

  /** Host arrays copied into {@code scope} as tensors (engine-owned storage, see {@link DjlOps#engineOwned}). */
  static Map<String, Tensor> inputs(NDManager scope, Map<String, HostTensor> batch) {
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    batch.forEach((k, v) -> inputs.put(k, new DjlTensor(DjlOps.engineOwned(scope, v))));
    return inputs;
  }
}
