package org.latentlab.backend.tensorflow;

import static org.latentlab.backend.tensorflow.TfOps.op;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.latentlab.api.ops.ShapeOps;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** {@link ShapeOps} as TensorFlow graph ops. */
final class TfShapeOps implements ShapeOps {
  private final TfOps ops;
  private final org.tensorflow.op.Ops tf;

  TfShapeOps(TfOps ops) {
    this.ops = ops;
    this.tf = ops.tf();
  }

  @Override
  public Tensor reshape(Tensor x, int... shape) {
    TfTensor t = TfTensor.cast(x);
    if (t.isChannelsLast() && flattensImage(t.shape(), shape)) {
      return TfTensor.flattened(tf, t);
    }
    return ops.wrap(tf.reshape(op(x), ops.ints(shape)));
  }

  /** Whether {@code target} turns the image {@code [n, c, h, w]} into rows {@code [n, c*h*w]}. */
  private static boolean flattensImage(int[] image, int[] target) {
    int features = image[1] * image[2] * image[3];
    return target.length == 2 && (target[0] == image[0] && (target[1] == features || target[1] == -1)
        || target[0] == -1 && target[1] == features);
  }

  @Override
  public Tensor transpose(Tensor x, int... perm) {
    return ops.wrap(tf.linalg.transpose(op(x), ops.ints(perm)));
  }

  @Override
  public Tensor concat(List<Tensor> xs, int axis) {
    List<Operand<TFloat32>> parts = new ArrayList<>(xs.size());
    xs.forEach(t -> parts.add(op(t)));
    return ops.wrap(tf.concat(parts, tf.constant(axis)));
  }

  @Override
  public Tensor slice(Tensor x, int[] begin, int[] size) {
    if (begin.length != x.rank() || size.length != begin.length) {
      throw new IllegalArgumentException("slice needs one begin and size per dimension of " + Arrays.toString(x.shape()));
    }
    // TensorFlow's Slice also reads a size of -1 as "to the end".
    return ops.wrap(tf.slice(op(x), ops.ints(begin), ops.ints(size)));
  }

  @Override
  public Tensor pad(Tensor x, int[] before, int[] after) {
    int rank = x.rank();
    if (before.length != rank || after.length != rank) {
      throw new IllegalArgumentException("pad needs one before and after value per dimension of "
          + Arrays.toString(x.shape()));
    }
    int[][] pairs = new int[rank][];
    for (int i = 0; i < rank; i++) {
      pairs[i] = new int[] {before[i], after[i]};
    }
    return ops.wrap(tf.pad(op(x), tf.constant(pairs), ops.scalarOp(0f)));
  }

  @Override
  public Tensor oneHot(Tensor indices, int depth) {
    Operand<TInt32> classes = tf.dtypes.cast(tf.stopGradient(op(indices)), TInt32.class);
    return ops.wrap(tf.oneHot(classes, tf.constant(depth), ops.scalarOp(1f), ops.scalarOp(0f)));
  }
}
