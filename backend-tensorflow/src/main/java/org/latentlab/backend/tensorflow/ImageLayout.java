package org.latentlab.backend.tensorflow;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.AvgPool;
import org.tensorflow.op.nn.Conv2d;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.op.nn.MaxPool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * How images reach TensorFlow's convolution and pooling kernels. The API's images are NCHW. With
 * oneDNN (the default on x86 Linux) those kernels take NCHW directly; TensorFlow's own CPU kernels only
 * take NHWC, so without oneDNN images are transposed there and back around each of them.
 * {@link #probe()} finds out which holds, once per process.
 */
enum ImageLayout {
  /** Kernels run on the API's layout: no transposes. */
  NCHW("NCHW", null, null),
  /** Kernels need channels last: transpose in and out. */
  NHWC("NHWC", new int[] {0, 2, 3, 1}, new int[] {0, 3, 1, 2});

  private final String dataFormat;
  private final int[] in;
  private final int[] out;

  ImageLayout(String dataFormat, int[] in, int[] out) {
    this.dataFormat = dataFormat;
    this.in = in;
    this.out = out;
  }

  /** The kernels' {@code data_format} attribute. */
  String dataFormat() {
    return dataFormat;
  }

  /** An NCHW image in this layout. */
  Operand<TFloat32> toKernel(Ops tf, Operand<TFloat32> x) {
    return in == null ? x : tf.linalg.transpose(x, tf.constant(in));
  }

  /** A kernel's output in the API's NCHW layout. */
  Operand<TFloat32> fromKernel(Ops tf, Operand<TFloat32> y) {
    return out == null ? y : tf.linalg.transpose(y, tf.constant(out));
  }

  /** A window, stride or dilation of {@code v} on both spatial axes (1 on the others). */
  List<Long> spatial(int v) {
    return this == NCHW ? List.of(1L, 1L, (long) v, (long) v) : List.of(1L, (long) v, (long) v, 1L);
  }

  /** {@link #spatial} as an int32 constant. */
  Operand<TInt32> spatialConstant(Ops tf, int v) {
    return tf.constant(spatial(v).stream().mapToInt(Long::intValue).toArray());
  }

  /** A shape {@code [n, c, h, w]} given in NCHW order, as the kernels expect it. */
  Operand<TInt32> shape(Ops tf, int n, int c, int h, int w) {
    return tf.constant(this == NCHW ? new int[] {n, c, h, w} : new int[] {n, h, w, c});
  }

  /** Begin offsets {@code [0, 0, top, left]} in NCHW order, as the kernels' layout has them. */
  Operand<TInt32> offsets(Ops tf, int top, int left) {
    return tf.constant(this == NCHW ? new int[] {0, 0, top, left} : new int[] {0, top, left, 0});
  }

  /** Paddings of {@code p} on both sides of both spatial axes. */
  Operand<TInt32> paddings(Ops tf, int p) {
    return tf.constant(this == NCHW
        ? new int[][] {{0, 0}, {0, 0}, {p, p}, {p, p}}
        : new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}});
  }

  private static volatile ImageLayout probed;

  /** NCHW if this TensorFlow build runs (and differentiates) NCHW convolution and pooling, else NHWC. */
  static ImageLayout probe() {
    if (probed == null) {
      probed = runsNchw() ? NCHW : NHWC;
    }
    return probed;
  }

  private static boolean runsNchw() {
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.fill(tf.constant(new int[] {1, 2, 4, 4}), tf.constant(1f));
      Operand<TFloat32> w = tf.fill(tf.constant(new int[] {3, 3, 2, 2}), tf.constant(0.5f));
      List<Long> two = NCHW.spatial(2);
      Operand<TFloat32> y = tf.nn.conv2d(x, w, two, "SAME", Conv2d.dataFormat("NCHW"));
      Operand<TFloat32> t = tf.nn.conv2dBackpropInput(tf.constant(new int[] {1, 2, 4, 4}), w, y, two, "SAME",
          Conv2dBackpropInput.dataFormat("NCHW"));
      Operand<TFloat32> m = tf.nn.maxPool(t, NCHW.spatialConstant(tf, 2), NCHW.spatialConstant(tf, 2), "VALID",
          MaxPool.dataFormat("NCHW"));
      Operand<TFloat32> a = tf.nn.avgPool(m, NCHW.spatial(2), NCHW.spatial(1), "VALID", AvgPool.dataFormat("NCHW"));
      Operand<TFloat32> loss = tf.sum(a, tf.constant(new int[] {0, 1, 2, 3}));
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {w.asOutput(), x.asOutput()});
      s.runner().fetch(grads[0]).fetch(grads[1]).run().close();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
