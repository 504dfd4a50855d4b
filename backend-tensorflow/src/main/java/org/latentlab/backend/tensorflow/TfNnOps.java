package org.latentlab.backend.tensorflow;

import static org.latentlab.backend.tensorflow.TfOps.op;

import java.util.Arrays;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.op.nn.AvgPool;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.op.nn.MaxPool;
import org.tensorflow.types.TFloat32;

/**
 * {@link NnOps} as TensorFlow graph ops. Convolutions and pooling run in the session's
 * {@link ImageLayout} (NCHW as the API has it where the build allows, else NHWC with transposes);
 * weights are transposed to TensorFlow's {@code [kh, kw, in, out]} filters. A transposed convolution is
 * {@code Conv2DBackpropInput} (the gradient of a convolution with respect to its input, which is its
 * definition), with the output size given explicitly.
 */
final class TfNnOps implements NnOps {
  /** {@code [out, in, kh, kw]} (conv) or {@code [in, out, kh, kw]} (transposed conv) to {@code [kh, kw, in, out]}. */
  private static final int[] CONV_FILTER = {2, 3, 1, 0};

  private final TfOps ops;
  private final org.tensorflow.op.Ops tf;
  private final ImageLayout layout;

  TfNnOps(TfOps ops, ImageLayout layout) {
    this.ops = ops;
    this.tf = ops.tf();
    this.layout = layout;
  }

  @Override
  public Tensor relu(Tensor x) {
    return ops.wrap(tf.nn.relu(op(x)));
  }

  @Override
  public Tensor leakyRelu(Tensor x, float alpha) {
    return ops.wrap(tf.nn.leakyRelu(op(x), LeakyRelu.alpha(alpha)));
  }

  @Override
  public Tensor sigmoid(Tensor x) {
    return ops.wrap(tf.math.sigmoid(op(x)));
  }

  @Override
  public Tensor tanh(Tensor x) {
    return ops.wrap(tf.math.tanh(op(x)));
  }

  @Override
  public Tensor softplus(Tensor x) {
    return ops.wrap(tf.math.softplus(op(x)));
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
          + Arrays.toString(xs) + " and " + Arrays.toString(ws));
    }
    int k = ws[2];
    Operand<TFloat32> in = layout.toKernel(tf, op(x));
    Operand<TFloat32> filter = tf.linalg.transpose(op(weight), ops.ints(CONV_FILTER));
    Conv2d.Options format = Conv2d.dataFormat(layout.dataFormat());
    Operand<TFloat32> y;
    if (padding == 0 || samePaddingIs(padding, xs[2], k, stride) && samePaddingIs(padding, xs[3], k, stride)) {
      y = tf.nn.conv2d(in, filter, layout.spatial(stride), padding == 0 ? "VALID" : "SAME", format);
    } else {
      // TensorFlow's gradient of a convolution drops explicit paddings: pad, then convolve without.
      Operand<TFloat32> padded = tf.pad(in, layout.paddings(tf, padding), ops.scalarOp(0f));
      y = tf.nn.conv2d(padded, filter, layout.spatial(stride), "VALID", format);
    }
    return ops.wrap(layout.fromKernel(tf, y));
  }

  @Override
  public Tensor convTranspose2d(Tensor x, Tensor weight, int stride, int padding, int outputPadding) {
    int[] xs = x.shape();
    int[] ws = weight.shape();
    if (xs.length != 4 || ws.length != 4 || ws[0] != xs[1]) {
      throw new IllegalArgumentException("convTranspose2d takes [n, c, h, w] input and [c, out, k, k] weight, got "
          + Arrays.toString(xs) + " and " + Arrays.toString(ws));
    }
    int k = ws[2];
    int outH = (xs[2] - 1) * stride - 2 * padding + k + outputPadding;
    int outW = (xs[3] - 1) * stride - 2 * padding + k + outputPadding;
    Operand<TFloat32> filter = tf.linalg.transpose(op(weight), ops.ints(CONV_FILTER));
    Operand<TFloat32> in = layout.toKernel(tf, op(x));
    Conv2dBackpropInput.Options format = Conv2dBackpropInput.dataFormat(layout.dataFormat());
    Operand<TFloat32> y;
    // The convolution whose input gradient this is maps [n, cout, outH, outW] to [n, cin, h, w].
    if (padding == 0 || samePaddingIs(padding, outH, k, stride) && samePaddingIs(padding, outW, k, stride)) {
      y = tf.nn.conv2dBackpropInput(layout.shape(tf, xs[0], ws[1], outH, outW), filter, in, layout.spatial(stride),
          padding == 0 ? "VALID" : "SAME", format);
    } else {
      // Without padding the output is p larger on each side: compute it whole and crop.
      Operand<TFloat32> whole = tf.nn.conv2dBackpropInput(
          layout.shape(tf, xs[0], ws[1], outH + 2 * padding, outW + 2 * padding), filter, in, layout.spatial(stride),
          "VALID", format);
      y = tf.slice(whole, layout.offsets(tf, padding, padding), layout.shape(tf, xs[0], ws[1], outH, outW));
    }
    return ops.wrap(layout.fromKernel(tf, y));
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
    Operand<TFloat32> in = layout.toKernel(tf, op(x));
    if (padding > 0) {
      in = tf.pad(in, layout.paddings(tf, padding), ops.scalarOp(Float.NEGATIVE_INFINITY));
    }
    Operand<TFloat32> y = tf.nn.maxPool(in, layout.spatialConstant(tf, kernel), layout.spatialConstant(tf, stride),
        "VALID", MaxPool.dataFormat(layout.dataFormat()));
    return ops.wrap(layout.fromKernel(tf, y));
  }

  @Override
  public Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
    Operand<TFloat32> in = layout.toKernel(tf, op(x));
    if (padding > 0) {
      in = tf.pad(in, layout.paddings(tf, padding), ops.scalarOp(0f));
    }
    Operand<TFloat32> y = tf.nn.avgPool(in, layout.spatial(kernel), layout.spatial(stride), "VALID",
        AvgPool.dataFormat(layout.dataFormat()));
    return ops.wrap(layout.fromKernel(tf, y));
  }

  private Operand<TFloat32> transpose(Operand<TFloat32> x, int[] perm) {
    return tf.linalg.transpose(x, ops.ints(perm));
  }

}
