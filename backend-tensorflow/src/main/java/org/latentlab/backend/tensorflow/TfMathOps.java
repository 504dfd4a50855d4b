package org.latentlab.backend.tensorflow;

import static org.latentlab.backend.tensorflow.TfOps.op;

import java.util.Arrays;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;

/**
 * {@link MathOps} as TensorFlow graph ops (TensorFlow broadcasting is NumPy's). Element-wise ops and
 * whole reductions keep channels-last images channels-last (see {@link TfTensor}).
 */
final class TfMathOps implements MathOps {
  private final TfOps ops;
  private final org.tensorflow.op.Ops tf;

  TfMathOps(TfOps ops) {
    this.ops = ops;
    this.tf = ops.tf();
  }

  @Override
  public Tensor add(Tensor a, Tensor b) {
    Tensor biased = ops.biasAdd(a, b);
    return biased != null ? biased : ops.binary(a, b, tf.math::add);
  }

  @Override
  public Tensor sub(Tensor a, Tensor b) {
    return ops.binary(a, b, tf.math::sub);
  }

  @Override
  public Tensor mul(Tensor a, Tensor b) {
    return ops.binary(a, b, tf.math::mul);
  }

  @Override
  public Tensor div(Tensor a, Tensor b) {
    return ops.binary(a, b, tf.math::div);
  }

  @Override
  public Tensor neg(Tensor x) {
    return ops.unary(x, tf.math::neg);
  }

  @Override
  public Tensor exp(Tensor x) {
    return ops.unary(x, tf.math::exp);
  }

  @Override
  public Tensor log(Tensor x) {
    return ops.unary(x, tf.math::log);
  }

  @Override
  public Tensor sqrt(Tensor x) {
    return ops.unary(x, tf.math::sqrt);
  }

  @Override
  public Tensor square(Tensor x) {
    return ops.unary(x, tf.math::square);
  }

  @Override
  public Tensor abs(Tensor x) {
    return ops.unary(x, tf.math::abs);
  }

  @Override
  public Tensor maximum(Tensor a, Tensor b) {
    return ops.binary(a, b, tf.math::maximum);
  }

  @Override
  public Tensor minimum(Tensor a, Tensor b) {
    return ops.binary(a, b, tf.math::minimum);
  }

  @Override
  public Tensor greater(Tensor a, Tensor b) {
    // The comparison has no gradient: its inputs are cut off so differentiating through it is harmless.
    return ops.wrap(tf.dtypes.cast(tf.math.greater(tf.stopGradient(op(a)), tf.stopGradient(op(b))), TFloat32.class));
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException("matmul takes rank-2 tensors, got " + Arrays.toString(a.shape()) + " x "
          + Arrays.toString(b.shape()));
    }
    TfTensor image = TfTensor.cast(a).flattenedImage();
    if (image != null) {
      // rows(image in c,h,w order) x W == rows(image in h,w,c order) x (W's rows in h,w,c order):
      // permuting the weight is 4x cheaper here than transposing the activations, forward and backward.
      int[] s = image.shape();
      int out = b.dim(1);
      Operand<TFloat32> permuted = tf.reshape(tf.linalg.transpose(tf.reshape(op(b), ops.ints(s[1], s[2], s[3], out)),
          ops.ints(1, 2, 0, 3)), ops.ints(s[1] * s[2] * s[3], out));
      Operand<TFloat32> rows = tf.reshape(image.nhwc(), ops.ints(s[0], s[1] * s[2] * s[3]));
      return ops.wrap(tf.linalg.matMul(rows, permuted));
    }
    return ops.wrap(tf.linalg.matMul(op(a), op(b)));
  }

  @Override
  public Tensor sum(Tensor x, boolean keepDims, int... axes) {
    if (axes.length == 0 && !keepDims) {
      return ops.reduceAll(x, (v, all) -> tf.sum(v, all));
    }
    return ops.wrap(tf.sum(op(x), ops.ints(axesOrAll(x, axes)), Sum.keepDims(keepDims)));
  }

  @Override
  public Tensor mean(Tensor x, boolean keepDims, int... axes) {
    if (axes.length == 0 && !keepDims) {
      return ops.reduceAll(x, (v, all) -> tf.math.mean(v, all));
    }
    return ops.wrap(tf.math.mean(op(x), ops.ints(axesOrAll(x, axes)), Mean.keepDims(keepDims)));
  }

  @Override
  public Tensor max(Tensor x, boolean keepDims, int... axes) {
    if (axes.length == 0 && !keepDims) {
      return ops.reduceAll(x, (v, all) -> tf.max(v, all));
    }
    return ops.wrap(tf.max(op(x), ops.ints(axesOrAll(x, axes)), Max.keepDims(keepDims)));
  }

  /** Sum of every element, as a scalar. */
  Operand<TFloat32> sumAll(Operand<TFloat32> x) {
    return tf.sum(x, ops.ints(allAxes(TfTensor.staticShape(x).length)));
  }

  @Override
  public Tensor clip(Tensor x, float lo, float hi) {
    // minimum(maximum(x, lo), hi): the gradient is 1 inside and 0 outside, and differentiable again.
    return ops.unary(x, v -> tf.math.minimum(tf.math.maximum(v, ops.scalarOp(lo)), ops.scalarOp(hi)));
  }

  @Override
  public Tensor scale(Tensor x, float factor) {
    return ops.unary(x, v -> tf.math.mul(v, ops.scalarOp(factor)));
  }

  @Override
  public Tensor addScalar(Tensor x, float value) {
    return ops.unary(x, v -> tf.math.add(v, ops.scalarOp(value)));
  }

  private static int[] axesOrAll(Tensor x, int[] axes) {
    return axes.length > 0 ? axes : allAxes(x.rank());
  }

  private static int[] allAxes(int rank) {
    int[] all = new int[rank];
    for (int i = 0; i < rank; i++) {
      all[i] = i;
    }
    return all;
  }
}
