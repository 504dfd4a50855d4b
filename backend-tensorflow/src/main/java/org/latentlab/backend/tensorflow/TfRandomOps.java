package org.latentlab.backend.tensorflow;

import static org.latentlab.backend.tensorflow.TfOps.op;

import org.latentlab.api.ops.RandomOps;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.op.random.RandomStandardNormal;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * {@link RandomOps} as stateful TensorFlow random ops. TensorFlow has no graph-level seed here, so
 * every op gets its own seed pair: the run's seed and a per-session counter. An op draws a new sample
 * on every run, from a sequence fixed by that pair, so a run repeats exactly for the same seed.
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

  private Operand<TFloat32> standardNormal(Operand<TInt32> shape) {
    long[] seeds = ops.session().nextRandomSeeds();
    return tf.random.randomStandardNormal(shape, TFloat32.class,
        RandomStandardNormal.seed(seeds[0]), RandomStandardNormal.seed2(seeds[1]));
  }

  private Operand<TFloat32> uniform01(Operand<TInt32> shape) {
    long[] seeds = ops.session().nextRandomSeeds();
    return tf.random.randomUniform(shape, TFloat32.class, RandomUniform.seed(seeds[0]), RandomUniform.seed2(seeds[1]));
  }

  private Operand<TFloat32> affine(Operand<TFloat32> x, float scale, float shift) {
    Operand<TFloat32> y = scale == 1f ? x : tf.math.mul(x, ops.scalarOp(scale));
    return shift == 0f ? y : tf.math.add(y, ops.scalarOp(shift));
  }
}
