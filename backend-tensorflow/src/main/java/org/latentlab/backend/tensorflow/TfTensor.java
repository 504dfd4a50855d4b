package org.latentlab.backend.tensorflow;

import org.latentlab.api.tensor.Tensor;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * A graph output standing for a {@link Tensor}. Its shape is always the API's (images NCHW), but an
 * image produced by a convolution is kept channels-last (NHWC, as TensorFlow's CPU kernels make it) until
 * an op needs the API's layout: element-wise ops and whole reductions work on either, so the usual
 * conv, bias, activation, conv chain runs without transposing back and forth. Each layout is built at
 * most once per tensor.
 */
final class TfTensor implements Tensor {
  private static final int[] TO_NHWC = {0, 2, 3, 1};
  private static final int[] TO_NCHW = {0, 3, 1, 2};

  private final Ops tf;
  private final int[] shape;
  private final boolean channelsLast;
  /** For a flattened channels-last image: the image (its rows are flattened lazily, see {@link #flattened}). */
  private final TfTensor flattenedImage;
  private Operand<TFloat32> nchw;
  private Operand<TFloat32> nhwc;

  private TfTensor(Ops tf, Operand<TFloat32> nchw, Operand<TFloat32> nhwc) {
    this.tf = tf;
    this.nchw = nchw;
    this.nhwc = nhwc;
    this.channelsLast = nchw == null;
    this.flattenedImage = null;
    int[] physical = staticShape(channelsLast ? nhwc : nchw);
    this.shape = channelsLast ? new int[] {physical[0], physical[3], physical[1], physical[2]} : physical;
  }

  private TfTensor(Ops tf, TfTensor image) {
    this.tf = tf;
    this.channelsLast = false;
    this.flattenedImage = image;
    int[] s = image.shape;
    this.shape = new int[] {s[0], s[1] * s[2] * s[3]};
  }

  /**
   * A channels-last image flattened to {@code [n, c*h*w]} in the API's (channel-major) order. The rows
   * are only transposed into that order if an op needs them; a matrix product instead permutes the
   * rows of its (much smaller) weight to the image's {@code h, w, c} order (see {@link #flattenedImage()}).
   */
  static TfTensor flattened(Ops tf, TfTensor image) {
    return new TfTensor(tf, image);
  }

  /** The channels-last image this tensor flattens, or {@code null}. */
  TfTensor flattenedImage() {
    return flattenedImage;
  }

  /** A tensor in the API's layout. */
  static TfTensor of(Ops tf, Operand<TFloat32> operand) {
    return new TfTensor(tf, operand, null);
  }

  /** A rank-4 image held channels-last ({@code [n, h, w, c]}); its shape is still reported as NCHW. */
  static TfTensor channelsLast(Ops tf, Operand<TFloat32> nhwc) {
    return new TfTensor(tf, null, nhwc);
  }

  /** Whether the graph holds this image channels-last. */
  boolean isChannelsLast() {
    return channelsLast;
  }

  /** The value in the API's layout. */
  Operand<TFloat32> nchw() {
    if (nchw == null) {
      nchw = flattenedImage != null
          ? tf.reshape(flattenedImage.nchw(), tf.constant(shape))
          : relayout(nhwc, TO_NCHW, shape);
    }
    return nchw;
  }

  /** A rank-4 value channels-last. */
  Operand<TFloat32> nhwc() {
    if (shape.length != 4) {
      throw new IllegalStateException("only rank-4 images have a channels-last layout, not " + shape.length);
    }
    if (nhwc == null) {
      nhwc = relayout(nchw, TO_NHWC, new int[] {shape[0], shape[2], shape[3], shape[1]});
    }
    return nhwc;
  }

  /** A transpose, or a reshape (no copy) where it only moves dimensions of size 1. */
  private Operand<TFloat32> relayout(Operand<TFloat32> x, int[] perm, int[] target) {
    boolean sameOrder = shape[1] == 1 || shape[2] == 1 && shape[3] == 1;
    if (sameOrder && target[0] >= 0) {
      return tf.reshape(x, tf.constant(target));
    }
    return tf.linalg.transpose(x, tf.constant(perm));
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  /** The graph output behind {@code t} in the API's layout; fails clearly for tensors of another backend. */
  static Operand<TFloat32> of(Tensor t) {
    return cast(t).nchw();
  }

  /** {@code t} as a TensorFlow tensor; fails clearly for tensors of another backend. */
  static TfTensor cast(Tensor t) {
    if (t instanceof TfTensor tf) {
      return tf;
    }
    throw new IllegalArgumentException("not a tensorflow tensor: " + (t == null ? "null" : t.getClass().getName())
        + " (tensors cannot cross backends or sessions)");
  }

  /** The static shape of a graph output. */
  static int[] staticShape(Operand<TFloat32> operand) {
    long[] dims = operand.shape().asArray();
    if (dims == null) {
      throw new IllegalStateException("the graph cannot infer the rank of " + operand.op().name());
    }
    int[] s = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      s[i] = Math.toIntExact(dims[i]);
    }
    return s;
  }
}
