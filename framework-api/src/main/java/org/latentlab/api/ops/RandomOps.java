package org.latentlab.api.ops;

import org.latentlab.api.tensor.Tensor;

/**
 * Random tensors. Every draw is seeded from the session's seed, so a run is reproducible; successive
 * draws in one session differ. In a training step, draws depend only on the seed and the step's
 * number ({@link org.latentlab.api.train.Trainer#stepsRun()}), which is what lets a resumed run repeat
 * the draws of an uninterrupted one.
 */
public interface RandomOps {
  /** Standard-normal samples of the given shape, times {@code std} plus {@code mean}. */
  Tensor normal(float mean, float std, int... shape);

  /** Uniform samples in {@code [lo, hi)}. */
  Tensor uniform(float lo, float hi, int... shape);

  /** Standard-normal samples with the (run-time) shape of {@code like}. */
  Tensor normalLike(Tensor like);

  /** Uniform {@code [0, 1)} samples with the (run-time) shape of {@code like}. */
  Tensor uniformLike(Tensor like);
}
