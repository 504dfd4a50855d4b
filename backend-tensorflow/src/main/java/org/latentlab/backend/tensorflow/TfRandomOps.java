package org.latentlab.backend.tensorflow;

import static org.latentlab.backend.tensorflow.TfOps.op;

import org.latentlab.api.ops.RandomOps;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import java.util.List;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * {@link RandomOps} as TensorFlow's stateless random ops: an op's seed pair is its key (the run's
 * seed and the op's number in the session, mixed) and the trace's random-step input, fed with the
 * training step's number or the function call's. A draw therefore depends only on the seed, the op and
 * the step, so a run resumed at step k draws exactly what the uninterrupted run drew there.
 */
final class TfRandomOps implements RandomOps {
  private final TfOps ops;
  private final org.tensorflow.op.Ops tf;

  TfRandomOps(TfOps ops) {
    this.ops = ops;
    this.tf = ops.tf();
  }

  @Override
  public Tensor normal(float mean, float std, int... shape) {
    return ops.wrap(affine(standardNormal(ops.ints(shape)), std, mean));
  }

  @Override
  public Tensor uniform(float lo, float hi, int... shape) {
    return ops.wrap(affine(uniform01(ops.ints(shape)), hi - lo, lo));
  }

  @Override
  public Tensor normalLike(Tensor like) {
    return ops.wrap(standardNormal(tf.shape(op(like))));
  }

  @Override
  public Tensor uniformLike(Tensor like) {
    return ops.wrap(uniform01(tf.shape(op(like))));
  }

  /*
   * The draws are wrapped in StopGradient: a draw does not depend on anything differentiable, but its
   * shape may be computed from parameters (normalLike of a layer output), and TensorFlow has no
   * gradient for the stateless random ops, so gradients must not try to pass through them.
   */
  private Operand<TFloat32> standardNormal(Operand<TInt32> shape) {
    return tf.stopGradient(tf.random.statelessRandomNormal(shape, seed(), TFloat32.class));
  }

  private Operand<TFloat32> uniform01(Operand<TInt32> shape) {
    return tf.stopGradient(tf.random.statelessRandomUniform(shape, seed(), TFloat32.class));
  }

  /** A new op's seed pair: its own key and the trace's random-step input. */
  private Operand<TInt64> seed() {
    return tf.stack(List.of(tf.constant(ops.session().nextRandomKey()), ops.randomStep()));
  }

  private Operand<TFloat32> affine(Operand<TFloat32> x, float scale, float shift) {
    Operand<TFloat32> y = scale == 1f ? x : tf.math.mul(x, ops.scalarOp(scale));
    return shift == 0f ? y : tf.math.add(y, ops.scalarOp(shift));
  }
}
