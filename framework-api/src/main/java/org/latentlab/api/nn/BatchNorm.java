package org.latentlab.api.nn;

import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.params.Initializers;
import org.latentlab.api.params.Scope;
import org.latentlab.api.tensor.Tensor;

/**
 * Batch normalisation (Ioffe &amp; Szegedy 2015) over the channel axis of {@code [n, c]} or
 * {@code [n, c, h, w]} inputs: {@code y = gamma (x - mu) / sqrt(var + eps) + beta}. In training, mu and
 * var are the batch statistics (biased variance) and the running estimates are updated with
 * {@code running = (1 - momentum) running + momentum batch} through {@link Ops#assign}; at inference
 * the running estimates are used.
 */
public final class BatchNorm implements Layer {
  private final String gamma;
  private final String beta;
  private final String runningMean;
  private final String runningVar;
  private final int channels;
  private final float momentum;
  private final float eps;

  /** Batch norm with momentum 0.1 and epsilon 1e-5 (the PyTorch defaults). */
  public BatchNorm(Scope scope, int channels) {
    this(scope, channels, 0.1f, 1e-5f);
  }

  /** Batch norm with the given running-average momentum and epsilon. */
  public BatchNorm(Scope scope, int channels, float momentum, float eps) {
    if (channels <= 0 || momentum <= 0 || momentum > 1 || eps <= 0) {
      throw new IllegalArgumentException("BatchNorm " + scope.prefix() + ": need channels > 0, momentum in (0, 1], eps > 0");
    }
    this.channels = channels;
    this.momentum = momentum;
    this.eps = eps;
    int[] shape = {channels};
    this.gamma = scope.store().trainable(scope.name("gamma"), shape, Initializers.ones(), channels, channels);
    this.beta = scope.store().trainable(scope.name("beta"), shape, Initializers.zeros(), channels, channels);
    this.runningMean = scope.store().state(scope.name("running_mean"), shape, 0f);
    this.runningVar = scope.store().state(scope.name("running_var"), shape, 1f);
  }

  @Override
  public Tensor apply(Ops ops, Tensor x) {
    MathOps m = ops.math();
    int[] axes = x.rank() == 4 ? new int[] {0, 2, 3} : new int[] {0};
    int[] bshape = x.rank() == 4 ? new int[] {1, channels, 1, 1} : new int[] {1, channels};
    Tensor mean;
    Tensor var;
    if (ops.training()) {
      mean = m.mean(x, true, axes);
      var = m.mean(m.square(m.sub(x, mean)), true, axes);
      Tensor flatMean = ops.shape().reshape(ops.stopGradient(mean), channels);
      Tensor flatVar = ops.shape().reshape(ops.stopGradient(var), channels);
      ops.assign(runningMean, blend(ops, ops.param(runningMean), flatMean));
      ops.assign(runningVar, blend(ops, ops.param(runningVar), flatVar));
    } else {
      mean = ops.shape().reshape(ops.param(runningMean), bshape);
      var = ops.shape().reshape(ops.param(runningVar), bshape);
    }
    Tensor normalised = m.div(m.sub(x, mean), m.sqrt(m.addScalar(var, eps)));
    Tensor g = ops.shape().reshape(ops.param(gamma), bshape);
    Tensor b = ops.shape().reshape(ops.param(beta), bshape);
    return m.add(m.mul(normalised, g), b);
  }

  private Tensor blend(Ops ops, Tensor running, Tensor batch) {
    MathOps m = ops.math();
    return m.add(m.scale(running, 1 - momentum), m.scale(batch, momentum));
  }
}
