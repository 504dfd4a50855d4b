package org.latentlab.plugins.gans;

import java.util.Map;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * One network of a GAN as a training step sees it: a generator maps noise to images, a discriminator
 * images to logits {@code [n, 1]}. Both may read the step's batch (a conditional GAN reads its labels
 * {@code y}). Trace-safe.
 */
@FunctionalInterface
interface Player {
  /** The network's output for {@code input}, given the step's {@code batch}. */
  Tensor apply(Ops ops, Tensor input, Map<String, Tensor> batch);
}
