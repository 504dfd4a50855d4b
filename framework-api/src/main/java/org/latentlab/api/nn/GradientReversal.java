package org.latentlab.api.nn;

import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.Tensor;

/**
 * The gradient reversal layer of Ganin &amp; Lempitsky ("Unsupervised Domain Adaptation by
 * Backpropagation", ICML 2015; Ganin et al., JMLR 2016): the identity in the forward pass, and
 * {@code -lambda} times the incoming gradient in the backward pass, {@code R(x) = x},
 * {@code dR/dx = -lambda I}. Put between a feature extractor and an adversary (a domain classifier,
 * a predictor of a sensitive attribute), it lets one minimisation train the adversary to predict while
 * the features below it are trained to defeat it.
 *
 * <p>Built from existing ops, so every backend has it without backend code:
 * {@code R(x) = x + (1 + lambda) (stopGradient(x) - x)}. The bracket is exactly zero, so the forward value
 * is {@code x} bit for bit (except that {@code -0} comes out as {@code +0}); its gradient is
 * {@code 1 - (1 + lambda) = -lambda}. It is a first-order construction: it needs no higher-order gradients
 * and runs inside a training step on every backend.
 */
public final class GradientReversal implements Layer {
  private final float lambda;

  /** A reversal layer scaling the reversed gradient by {@code lambda >= 0} (0 blocks it, 1 flips it). */
  public GradientReversal(float lambda) {
    if (!(lambda >= 0) || Float.isInfinite(lambda)) {
      throw new IllegalArgumentException("lambda must be a finite value >= 0 (was " + lambda + ")");
    }
    this.lambda = lambda;
  }

  /** The scale of the reversed gradient. */
  public float lambda() {
    return lambda;
  }

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    MathOps m = ops.math();
    return m.add(x, m.scale(m.sub(ops.stopGradient(x), x), 1 + lambda));
  }

  /**
   * {@code x} with its gradient reversed and scaled by a tensor {@code lambda} (a scalar or anything that
   * broadcasts against {@code x}), for a coefficient fed with the batch, e.g. Ganin et al.'s schedule
   * {@code lambda_p = 2 / (1 + exp(-10 p)) - 1} over training progress {@code p}.
   */
  public static Tensor apply(Ops ops, Tensor x, Tensor lambda) {
    MathOps m = ops.math();
    return m.add(x, m.mul(m.sub(ops.stopGradient(x), x), m.addScalar(lambda, 1)));
  }
}
