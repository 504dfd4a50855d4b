package org.latentlab.api.nn;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * A building block of a model, written once against {@link Ops}. Layers declare their parameters in
 * a {@link org.latentlab.api.params.Scope} when constructed and read them with {@link Ops#param} when
 * applied, so the same layer object runs on every backend.
 */
@FunctionalInterface
public interface Layer {
  /** Applies the layer to {@code x}. Must be trace-safe. */
  Tensor apply(Ops ops, Tensor x);
}
