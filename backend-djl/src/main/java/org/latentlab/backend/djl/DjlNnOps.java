package org.latentlab.backend.djl;

import static org.latentlab.backend.djl.DjlOps.arr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.tensor.Tensor;

/**
 * {@link NnOps} on DJL. This engine has no transposed convolution, so {@link #convTranspose2d} is
 * built exactly from ops it has: zero insertion between input pixels (stride), zero padding of
 * {@code k - 1 - p} (plus the output padding at the far side), and a stride-1 convolution with the
 * spatially flipped kernel whose in/out axes are swapped.
 */
final class DjlNnOps implements NnOps {
  private final DjlOps ops;

  DjlNnOps(DjlOps ops) {
    this.ops = ops;
  }

  @Override
  public Tensor relu(Tensor x) {
    return ops.wrap(Activation.relu(arr(x)));
  }

  @Override
  public Tensor leakyRelu(Tensor x, float alpha) {
    return ops.wrap(Activation.leakyRelu(arr(x), alpha));
  }

  @Override
  public Tensor sigmoid(Tensor x) {
    return ops.wrap(Activation.sigmoid(arr(x)));
  }

  @Override
  public Tensor tanh(Tensor x) {
    return ops.wrap(arr(x).tanh());
  }

  @Override
  public Tensor softplus(Tensor x) {
    return ops.wrap(Activation.softPlus(arr(x)));
  }

  @Override
  public Tensor softmax(Tensor x, int axis) {
    return ops.wrap(arr(x).softmax(axis));
  }

  @Override
  public Tensor logSoftmax(Tensor x, int axis) {
    return ops.wrap(arr(x).logSoftmax(axis));
  }

  @Override
  public Tensor conv2d(Tensor x, Tensor weight, int stride, int padding) {
    return ops.wrap(convolve(arr(x), arr(weight), stride, padding));
  }

  private NDArray convolve(NDArray x, NDArray w, int stride, int padding) {
    if (x.getShape().dimension() != 4 || w.getShape().dimension() != 4) {
      throw new IllegalArgumentException("conv2d takes [n, c, h, w] input and [out, in, k, k] weight, got "
          + x.getShape() + " and " + w.getShape());
    }
    return x.getNDArrayInternal().convolution(x, w, null, new Shape(stride, stride), new Shape(padding, padding),
        new Shape(1, 1), 1).singletonOrThrow();
  }

  @Override
  public Tensor convTranspose2d(Tensor x, Tensor weight, int stride, int padding, int outputPadding) {
    NDArray in = arr(x);
    NDArray w = arr(weight);
    int k = Math.toIntExact(w.getShape().get(2));
    NDArray spread = stride > 1 ? insertZeros(in, stride) : in;
    int q = k - 1 - padding;
    NDArray padded = padOrCrop(spread, q, q + outputPadding);
    NDArray kernel = ops.wrapped(ops.wrapped(w.flip(2, 3)).transpose(1, 0, 2, 3));
    return ops.wrap(convolve(padded, kernel, 1, 0));
  }

  /** {@code [n, c, h, w] -> [n, c, (h-1)s+1, (w-1)s+1]} with s-1 zeros between neighbours. */
  private NDArray insertZeros(NDArray x, int s) {
    long[] d = x.getShape().getShape();
    long n = d[0];
    long c = d[1];
    long h = d[2];
    long w = d[3];
    // [n,c,h,w,1] -pad-> [n,c,h,w,s] -> [n,c,h,w*s]: each pixel followed by s-1 zeros along the width.
    NDArray column = ops.wrapped(x.reshape(n, c, h, w, 1));
    NDArray wide = ops.wrapped(ops.wrapped(column.pad(new Shape(0, s - 1), 0)).reshape(n, c, h, w * s));
    // [n,c,h,1,W] -pad-> [n,c,h,s,W] -> [n,c,h*s,W]: each row followed by s-1 zero rows.
    NDArray row = ops.wrapped(wide.reshape(n, c, h, 1, w * s));
    NDArray tall = ops.wrapped(ops.wrapped(row.pad(new Shape(0, 0, 0, s - 1), 0)).reshape(n, c, h * s, w * s));
    return ops.wrapped(tall.get(":, :, :" + ((h - 1) * s + 1) + ", :" + ((w - 1) * s + 1)));
  }

  /** Zero-pads ({@code > 0}) or crops ({@code < 0}) both spatial sides. */
  private NDArray padOrCrop(NDArray x, int before, int after) {
    NDArray y = x;
    if (before > 0 || after > 0) {
      int pb = Math.max(0, before);
      int pa = Math.max(0, after);
      y = ops.wrapped(y.pad(new Shape(pb, pa, pb, pa), 0));
    }
    if (before < 0 || after < 0) {
      long h = y.getShape().get(2);
      long w = y.getShape().get(3);
      long cb = Math.max(0, -before);
      long ca = Math.max(0, -after);
      y = ops.wrapped(y.get(":, :, " + cb + ":" + (h - ca) + ", " + cb + ":" + (w - ca)));
    }
    return y;
  }

  @Override
  public Tensor maxPool2d(Tensor x, int kernel, int stride, int padding) {
    return ops.wrap(Pool.maxPool2d(arr(x), new Shape(kernel, kernel), new Shape(stride, stride),
        new Shape(padding, padding), false));
  }

  @Override
  public Tensor avgPool2d(Tensor x, int kernel, int stride, int padding) {
    return ops.wrap(Pool.avgPool2d(arr(x), new Shape(kernel, kernel), new Shape(stride, stride),
        new Shape(padding, padding), false, true));
  }
}
