package org.latentlab.backend.djl;

import static org.latentlab.backend.djl.DjlOps.arr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.latentlab.api.ops.ShapeOps;
import org.latentlab.api.tensor.Tensor;

/** {@link ShapeOps} on DJL. */
final class DjlShapeOps implements ShapeOps {
  private final DjlOps ops;

  DjlShapeOps(DjlOps ops) {
    this.ops = ops;
  }

  @Override
  public Tensor reshape(Tensor x, int... shape) {
    return ops.wrap(arr(x).reshape(DjlOps.shapeOf(shape)));
  }

  @Override
  public Tensor transpose(Tensor x, int... perm) {
    return ops.wrap(arr(x).transpose(perm));
  }

  @Override
  public Tensor concat(List<Tensor> xs, int axis) {
    NDList list = new NDList();
    xs.forEach(t -> list.add(arr(t)));
    return ops.wrap(NDArrays.concat(list, axis));
  }

  @Override
  public Tensor slice(Tensor x, int[] begin, int[] size) {
    NDArray a = arr(x);
    if (begin.length != a.getShape().dimension() || size.length != begin.length) {
      throw new IllegalArgumentException("slice needs one begin and size per dimension of " + a.getShape());
    }
    NDIndex index = new NDIndex();
    for (int i = 0; i < begin.length; i++) {
      long end = size[i] < 0 ? a.getShape().get(i) : begin[i] + size[i];
      index.addSliceDim(begin[i], end);
    }
    return ops.wrap(a.get(index));
  }

  @Override
  public Tensor pad(Tensor x, int[] before, int[] after) {
    NDArray a = arr(x);
    int rank = a.getShape().dimension();
    if (before.length != rank || after.length != rank) {
      throw new IllegalArgumentException("pad needs one before and after value per dimension of " + a.getShape());
    }
    // PyTorch's pad lists (before, after) pairs starting from the last dimension.
    long[] pairs = new long[2 * rank];
    for (int i = 0; i < rank; i++) {
      pairs[2 * i] = before[rank - 1 - i];
      pairs[2 * i + 1] = after[rank - 1 - i];
    }
    return ops.wrap(a.pad(new Shape(pairs), 0));
  }

  @Override
  public Tensor oneHot(Tensor indices, int depth) {
    NDArray asLong = ops.wrapped(arr(indices).toType(DataType.INT64, false));
    return ops.wrap(asLong.oneHot(depth));
  }
}
