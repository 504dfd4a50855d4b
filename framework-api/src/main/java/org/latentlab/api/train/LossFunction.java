package org.latentlab.api.train;

import java.util.Map;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * The loss of one training step, as a function of a batch. Must be trace-safe: it may be traced once
 * into a graph, so it reads no tensor values and does not branch on them.
 */
@FunctionalInterface
public interface LossFunction {
  /** The losses for {@code batch} (inputs by name, e.g. {@code x} images, {@code y} labels). */
  Losses apply(Ops ops, Map<String, Tensor> batch);
}
