package org.latentlab.backend.tensorflow;

import static org.latentlab.backend.tensorflow.TfOps.op;

import java.util.List;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;

/**
 * {@link NnOps} as TensorFlow graph ops. TensorFlow's CPU convolutions and pooling work on NHWC images:
 * they take their input channels-last and leave their output so (see {@link TfTensor}, which transposes
 * only where an op needs the API's NCHW layout); weights are transposed to
 * TensorFlow's {@code [kh, kw, in, out]} filters. A transposed convolution is
 * {@code Conv2DBackpropInput} (the gradient of a convolution with respect to its input, which is its
 * definition), with the output size given explicitly.
 */
final class TfNnOps implements NnOps {
  /** {@code [out, in, kh, kw]} (conv) or {@code [in, out, kh, kw]} (transposed conv) to {@code [kh, kw, in, out]}. */
  private static final int[] CONV_FILTER = {2, 3, 1, 0};

  private final TfOps ops;
  private final org.tensorflow.op.Ops tf;

  TfNnOps(TfOps ops) {
    this.ops = ops;
    this.tf = ops.tf();
  }

  @Override
  public Tensor relu(Tensor x) {
    return ops.unary(x, tf.nn::relu);
  }

  @Override
  public Tensor leakyRelu(Tensor x, float alpha) {
    return ops.unary(x, v -> tf.nn.leakyRelu(v, LeakyRelu.alpha(alpha)));
  }

  @Override
  public Tensor sigmoid(Tensor x) {
    return ops.unary(x, tf.math::sigmoid);
  }

  @Override
  public Tensor tanh(Tensor x) {
    return ops.unary(x, tf.math::tanh);
  }

  @Override
  public Tensor softplus(Tensor x) {
    return ops.unary(x, tf.math::softplus);
  }

  @Override
  public Tensor softmax(Tensor x, int axis) {
    return alongLastAxis(x, axis, true);
  }

  @Override
  public Tensor logSoftmax(Tensor x, int axis) {
    return alongLastAxis(x, axis, false);
  }

  /** TensorFlow's softmax works on the last axis: move {@code axis} there and back. */
  private Tensor alongLastAxis(Tensor x, int axis, boolean softmax) {
    int rank = x.rank();
    int a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for rank " + rank);
    }
    Operand<TFloat32> in = op(x);
    int[] perm = null;
    if (a != rank - 1) {
      perm = new int[rank];
      for (int i = 0; i < rank; i++) {
        perm[i] = i;
      }
      perm[a] = rank - 1;
      perm[rank - 1] = a;
      in = transpose(in, perm);
    }
    Operand<TFloat32> y = softmax ? tf.nn.softmax(in) : tf.nn.logSoftmax(in);
    return ops.wrap(perm == null ? y : transpose(y, perm));
  }

  @Override
  public Tensor conv2d(Tensor x, Tensor weight, int stride, int padding) {
    int[] xs = x.shape();
    int[] ws = weight.shape();
    if (xs.length != 4 || ws.length != 4 || ws[1] != xs[1]) {
      throw new IllegalArgumentException("conv2d takes [n, c, h, w] input and [out, c, k, k] weight, got "
          + java.util.Arrays.toString(xs) + " and " + java.util.Arrays.toString(ws));
    }
    int k = ws[2];
    Operand<TFloat32> in = TfOps.channelsLast(x);
    Operand<TFloat32> filter = transpose(op(weight), CONV_FILTER);
    Operand<TFloat32> y;
    if (padding == 0 || samePaddingIs(padding, xs[2], k, stride) && samePaddingIs(padding, xs[3], k, stride)) {
      y = tf.nn.conv2d(in, filter, strides(stride), padding == 0 ? "VALID" : "SAME");
    } else {
      // TensorFlow's gradient of a convolution drops explicit paddings: pad, then convolve without.
      y = tf.nn.conv2d(tf.pad(in, paddings(padding), ops.scalarOp(0f)), filter, strides(stride), "VALID");
    }
    return ops.wrapChannelsLast(y);
  }

  @Override
  public Tensor convTranspose2d(Tensor x, Tensor weight, int stride, int padding, int outputPadding) {
    int[] xs = x.shape();
    int[] ws = weight.shape();
    if (xs.length != 4 || ws.length != 4 || ws[0] != xs[1]) {
      throw new IllegalArgumentException("convTranspose2d takes [n, c, h, w] input and [c, out, k, k] weight, got "
          + java.util.Arrays.toString(xs) + " and " + java.util.Arrays.toString(ws));
    }
    int k = ws[2];
    int outH = (xs[2] - 1) * stride - 2 * padding + k + outputPadding;
    int outW = (xs[3] - 1) * stride - 2 * padding + k + outputPadding;
    Operand<TFloat32> filter = transpose(op(weight), CONV_FILTER);
    Operand<TFloat32> in = TfOps.channelsLast(x);
    Operand<TFloat32> y;
    // The convolution whose input gradient this is maps [n, outH, outW, cout] to [n, h, w, cin].
    if (padding == 0 || samePaddingIs(padding, outH, k, stride) && samePaddingIs(padding, outW, k, stride)) {
      y = tf.nn.conv2dBackpropInput(ops.ints(xs[0], outH, outW, ws[1]), filter, in, strides(stride),
          padding == 0 ? "VALID" : "SAME");
    } else {
      // Without padding the output is p larger on each side: compute it whole and crop.
      Operand<TFloat32> whole = tf.nn.conv2dBackpropInput(
          ops.ints(xs[0], outH + 2 * padding, outW + 2 * padding, ws[1]), filter, in, strides(stride), "VALID");
      y = tf.slice(whole, ops.ints(0, padding, padding, 0), ops.ints(xs[0], outH, outW, ws[1]));
    }
    return ops.wrapChannelsLast(y);
  }

  /**
   * Whether TensorFlow's SAME padding of a convolution over a side of {@code size} pads exactly
   * {@code p} on both sides (it pads {@code total / 2} before and the rest after).
   */
  private static boolean samePaddingIs(int p, int size, int k, int s) {
    int out = (size + s - 1) / s;
    int total = Math.max((out - 1) * s + k - size, 0);
    return total == 2 * p && out == (size + 2 * p - k) / s + 1;
  }

  @Override
  public Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
    Operand<TFloat32> in = TfOps.channelsLast(x);
    if (padding > 0) {
      in = tf.pad(in, paddings(padding), ops.scalarOp(Float.NEGATIVE_INFINITY));
    }
    Operand<TFloat32> y = tf.nn.maxPool(in, ops.ints(1, kernel, kernel, 1), ops.ints(1, stride, stride, 1), "VALID");
    return ops.wrapChannelsLast(y);
  }

  @Override
  public Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
    Operand<TFloat32> in = TfOps.channelsLast(x);
    if (padding > 0) {
      in = tf.pad(in, paddings(padding), ops.scalarOp(0f));
    }
    Operand<TFloat32> y = tf.nn.avgPool(in, List.of(1L, (long) kernel, (long) kernel, 1L),
        List.of(1L, (long) stride, (long) stride, 1L), "VALID");
    return ops.wrapChannelsLast(y);
  }

  private Operand<TFloat32> transpose(Operand<TFloat32> x, int[] perm) {
    return tf.linalg.transpose(x, ops.ints(perm));
  }

  /** NHWC paddings {@code [[0, 0], [p, p], [p, p], [0, 0]]}. */
  private org.tensorflow.Operand<org.tensorflow.types.TInt32> paddings(int p) {
    return tf.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}});
  }

  private static List<Long> strides(int s) {
    return List.of(1L, (long) s, (long) s, 1L);
  }

}
