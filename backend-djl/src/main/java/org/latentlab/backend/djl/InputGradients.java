package org.latentlab.backend.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.ArrayList;
import java.util.List;
import org.latentlab.api.tensor.Tensor;

/**
 * How {@link DjlOps#gradients} is served. Inside a training step it is refused (this backend has no
 * higher-order gradients). In an inference function the first call that asks for gradients is
 * re-run with its inputs recording gradients; the gradients are then first-order values with
 * respect to the function's inputs.
 */
interface InputGradients {

  /** The gradients of scalar {@code y} with respect to {@code xs}. */
  List<Tensor> gradients(DjlOps ops, Tensor y, List<Tensor> xs);

  /** Inside a training step: refused with the capability message. */
  InputGradients REFUSED_IN_STEP = (ops, y, xs) -> {
    throw new UnsupportedOperationException("ops.gradients inside a training step needs the capability "
        + "'higher-order-gradients', which the djl backend lacks; use a backend that has it");
  };

  /** In an inference call whose inputs do not record gradients yet: ask the caller to re-run. */
  InputGradients RERUN_WITH_GRADIENTS = (ops, y, xs) -> {
    throw new RerunWithGradients();
  };

  /** In an inference call whose inputs record gradients: backward from {@code y}, keeping the graph. */
  InputGradients RECORDING = (ops, y, xs) -> {
    NDArray target = DjlOps.arr(y);
    if (target.getShape().size() != 1) {
      throw new IllegalArgumentException("gradients need a scalar y, got shape " + target.getShape());
    }
    for (Tensor x : xs) {
      if (!DjlOps.arr(x).hasGradient()) {
        throw new IllegalArgumentException("on the djl backend, gradients are taken with respect to the "
            + "function's inputs only");
      }
    }
    NDArray seed = ops.scope().ones(target.getShape());
    JniUtils.backward((PtNDArray) target, (PtNDArray) seed, true, false);
    List<Tensor> out = new ArrayList<>();
    for (Tensor x : xs) {
      NDArray grad = DjlOps.arr(x).getGradient();
      grad.attach(ops.scope());
      NDArray copy = grad.duplicate();
      grad.subi(grad);
      out.add(ops.wrap(copy));
    }
    return out;
  };

  /** Thrown to ask for a re-run of the call with gradient recording on. */
  final class RerunWithGradients extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RerunWithGradients() {
      super("re-run with input gradients", null, false, false);
    }
  }
}
