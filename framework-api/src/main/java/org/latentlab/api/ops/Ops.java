package org.latentlab.api.ops;

import java.util.List;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * The neutral op set: the only thing model code calls. Each backend implements it once (eagerly on
 * DJL, by building a graph on TensorFlow), so layers, losses, optimizers and whole models are written
 * once against this interface.
 *
 * <p>Ops are split by family ({@link #math()}, {@link #nn()}, {@link #shape()}, {@link #random()},
 * {@link #losses()}); the few that concern values and parameters live here. Images are NCHW; conv
 * weights are {@code [out, in, kh, kw]}, transposed-conv weights {@code [in, out, kh, kw]}.
 *
 * <p>The one rule: functions given an {@code Ops} are trace-safe. They never read tensor values into
 * Java and never branch on them; they may run once (graph backends) or on every call (eager backends).
 */
public interface Ops {

  /** Element-wise math, broadcasting and reductions. */
  MathOps math();

  /** Activations, convolution, pooling. */
  NnOps nn();

  /** Reshape, transpose, concat, slice, pad, one-hot. */
  ShapeOps shape();

  /** Seeded random tensors. */
  RandomOps random();

  /** The usual losses, reduced to scalars. */
  LossOps losses();

  /** A constant tensor holding {@code value}. */
  Tensor constant(HostTensor value);

  /** A scalar constant. */
  default Tensor scalar(float value) {
    return constant(HostTensor.scalar(value));
  }

  /** The current value of the parameter or state entry {@code name} of the session's store. */
  Tensor param(String name);

  /**
   * Schedules {@code value} as the new value of the non-trainable state entry {@code name} (e.g. a
   * batch-norm running mean, an optimizer slot). Applied after the function or step has run; reads of
   * {@code name} within the same call still see the old value.
   */
  void assign(String name, Tensor value);

  /** {@code x} with its gradient blocked. */
  Tensor stopGradient(Tensor x);

  /**
   * Gradients of the scalar {@code y} with respect to each of {@code xs}, as differentiable tensors.
   * Inside a training step's loss this needs {@link org.latentlab.api.spi.Capability#HIGHER_ORDER_GRADIENTS}.
   */
  List<Tensor> gradients(Tensor y, List<Tensor> xs);

  /** True while tracing or running a training step (dropout active, batch norm on batch statistics). */
  boolean training();
}
