package org.latentlab.backend.djl;

import static org.latentlab.backend.djl.DjlOps.arr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.pooling.Pool;
import org.latentlab.api.ops.NnOps;
import org.latentlab.api.tensor.Tensor;

/**
 * {@link NnOps} on DJL. This engine has no transposed convolution, so {@link #convTranspose2d} is
 * built exactly from ops it has, in polyphase form: one ordinary convolution computes all
 * {@code s * s} output phases as channels, and a pixel shuffle interleaves them (for kernel 4, stride
 * 2 this is the "conv + depth-to-space" trick of the engine notes, generalised to any kernel,
 * stride, padding and output padding).
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
    long[] xs = in.getShape().getShape();
    long[] ws = w.getShape().getShape();
    if (xs.length != 4 || ws.length != 4 || ws[0] != xs[1]) {
      throw new IllegalArgumentException("convTranspose2d takes [n, c, h, w] input and [c, out, k, k] weight, got "
          + in.getShape() + " and " + w.getShape());
    }
    long n = xs[0];
    long h = xs[2];
    long wd = xs[3];
    long cout = ws[1];
    int k = Math.toIntExact(ws[2]);
    int s = stride;
    int taps = (k + s - 1) / s;
    long outH = (h - 1) * s - 2L * padding + k + outputPadding;
    long outW = (wd - 1) * s - 2L * padding + k + outputPadding;
    long phasesH = Math.max(h, (outH + padding + s - 1) / s);
    long phasesW = Math.max(wd, (outW + padding + s - 1) / s);
    NDArray kernel = polyphaseKernel(w, xs[1], cout, k, s, taps);
    NDArray phases;
    if (phasesH - h <= taps - 1 && phasesW - wd <= taps - 1) {
      // The convolution's own (symmetric) padding covers both sides: no padded copy of the input.
      phasesH = h + taps - 1;
      phasesW = wd + taps - 1;
      phases = ops.wrapped(convolve(in, kernel, 1, taps - 1));
    } else {
      NDArray padded = ops.wrapped(in.pad(new Shape(taps - 1, phasesW - wd, taps - 1, phasesH - h), 0));
      phases = ops.wrapped(convolve(padded, kernel, 1, 0));
    }
    // [n, cout*s*s, Qh, Qw] -> [n, cout, Qh, s, Qw, s] -> [n, cout, Qh*s, Qw*s], then crop the padding.
    NDArray split = ops.wrapped(phases.reshape(n, cout, s, s, phasesH, phasesW));
    NDArray moved = ops.wrapped(split.transpose(0, 1, 4, 2, 5, 3));
    NDArray interleaved = ops.wrapped(moved.reshape(n, cout, phasesH * s, phasesW * s));
    NDIndex crop = new NDIndex().addAllDim(2).addSliceDim(padding, padding + outH).addSliceDim(padding, padding + outW);
    return ops.wrap(interleaved.get(crop));
  }

  /**
   * The transposed convolution's kernel {@code [cin, cout, k, k]} rearranged into one ordinary
   * convolution kernel {@code [cout*s*s, cin, T, T]} ({@code T = ceil(k / s)}): output channel
   * {@code (co, ry, rx)} holds, flipped, the taps {@code ry + s*j} of the original kernel, which are all
   * the taps that reach output pixels of phase {@code (ry, rx)}. Running it and interleaving the phases
   * (pixel shuffle) computes the transposed convolution exactly, without multiplying inserted zeros.
   */
  private NDArray polyphaseKernel(NDArray w, long cin, long cout, int k, int s, int taps) {
    int size = s * taps;
    NDArray padded = k == size ? w : ops.wrapped(w.pad(new Shape(0, size - k, 0, size - k), 0));
    NDArray split = ops.wrapped(padded.reshape(cin, cout, taps, s, taps, s));
    NDArray flipped = ops.wrapped(split.flip(2, 4));
    NDArray ordered = ops.wrapped(flipped.transpose(1, 3, 5, 0, 2, 4));
    return ops.wrapped(ordered.reshape(cout * s * s, cin, taps, taps));
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
