package org.latentlab.backend.djl;

import static org.latentlab.backend.djl.DjlOps.arr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.latentlab.api.ops.MathOps;
import org.latentlab.api.tensor.Tensor;

/** {@link MathOps} on DJL (PyTorch broadcasting rules, which are NumPy's). */
final class DjlMathOps implements MathOps {
  private final DjlOps ops;

  DjlMathOps(DjlOps ops) {
    this.ops = ops;
  }

  @Override
  public Tensor add(Tensor a, Tensor b) {
    return ops.wrap(arr(a).add(arr(b)));
  }

  @Override
  public Tensor sub(Tensor a, Tensor b) {
    return ops.wrap(arr(a).sub(arr(b)));
  }

  @Override
  public Tensor mul(Tensor a, Tensor b) {
    return ops.wrap(arr(a).mul(arr(b)));
  }

  @Override
  public Tensor div(Tensor a, Tensor b) {
    return ops.wrap(arr(a).div(arr(b)));
  }

  @Override
  public Tensor neg(Tensor x) {
    return ops.wrap(arr(x).neg());
  }

  @Override
  public Tensor exp(Tensor x) {
    return ops.wrap(arr(x).exp());
  }

  @Override
  public Tensor log(Tensor x) {
    return ops.wrap(arr(x).log());
  }

  @Override
  public Tensor sqrt(Tensor x) {
    return ops.wrap(arr(x).sqrt());
  }

  @Override
  public Tensor square(Tensor x) {
    return ops.wrap(arr(x).square());
  }

  @Override
  public Tensor abs(Tensor x) {
    return ops.wrap(arr(x).abs());
  }

  @Override
  public Tensor maximum(Tensor a, Tensor b) {
    return ops.wrap(arr(a).maximum(arr(b)));
  }

  @Override
  public Tensor minimum(Tensor a, Tensor b) {
    return ops.wrap(arr(a).minimum(arr(b)));
  }

  @Override
  public Tensor greater(Tensor a, Tensor b) {
    return ops.wrap(arr(a).gt(arr(b)).toType(DataType.FLOAT32, false));
  }

  @Override
  public Tensor matmul(Tensor a, Tensor b) {
    if (a.rank() != 2 || b.rank() != 2) {
      throw new IllegalArgumentException("matmul takes rank-2 tensors, got " + java.util.Arrays.toString(a.shape())
          + " x " + java.util.Arrays.toString(b.shape()));
    }
    return ops.wrap(arr(a).matMul(arr(b)));
  }

  @Override
  public Tensor sum(Tensor x, boolean keepDims, int... axes) {
    NDArray a = arr(x);
    return ops.wrap(a.sum(axesOrAll(a, axes), keepDims));
  }

  @Override
  public Tensor mean(Tensor x, boolean keepDims, int... axes) {
    NDArray a = arr(x);
    int[] all = axesOrAll(a, axes);
    if (!keepDims && all.length == a.getShape().dimension()) {
      return ops.wrap(a.mean());
    }
    // PyTorch's mean over several axes is not exposed by DJL: sum, then divide by the count, an
    // engine-allocated scalar (DJL's div(Number) frees its scalar while autograd still holds it).
    long count = 1;
    for (int axis : all) {
      count *= a.getShape().get(axis < 0 ? axis + a.getShape().dimension() : axis);
    }
    return ops.wrap(ops.wrapped(a.sum(all, keepDims)).div(ops.scope().full(new Shape(), (float) count)));
  }

  @Override
  public Tensor max(Tensor x, boolean keepDims, int... axes) {
    NDArray a = arr(x);
    int rank = a.getShape().dimension();
    int[] all = axesOrAll(a, axes);
    if (!keepDims && all.length == rank) {
      return ops.wrap(a.max());
    }
    // DJL reduces one axis at a time: go from the last axis to the first so indices stay valid.
    int[] sorted = java.util.Arrays.stream(all).map(i -> i < 0 ? i + rank : i).sorted().toArray();
    NDArray y = a;
    for (int i = sorted.length - 1; i >= 0; i--) {
      y = ops.wrapped(y.max(new int[] {sorted[i]}, keepDims));
    }
    return ops.wrap(y);
  }

  @Override
  public Tensor clip(Tensor x, float lo, float hi) {
    return ops.wrap(arr(x).clip(lo, hi));
  }

  /**
   * {@inheritDoc} The factor is an engine-allocated scalar owned by this call's manager: DJL's {@code mul(Number)}
   * makes it from a Java buffer and closes it at once, but autograd keeps it for the backward pass, which then
   * read freed memory once the garbage collector had released the buffer (garbage gradients, now and then).
   */
  @Override
  public Tensor scale(Tensor x, float factor) {
    return ops.wrap(arr(x).mul(ops.scope().full(new Shape(), factor)));
  }

  /** {@inheritDoc} As {@link #scale}, with an engine-allocated scalar. */
  @Override
  public Tensor addScalar(Tensor x, float value) {
    return ops.wrap(arr(x).add(ops.scope().full(new Shape(), value)));
  }

  private static int[] axesOrAll(NDArray a, int[] axes) {
    if (axes.length > 0) {
      return axes;
    }
    int[] all = new int[a.getShape().dimension()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return all;
  }
}
