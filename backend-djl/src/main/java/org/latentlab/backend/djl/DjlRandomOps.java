package org.latentlab.backend.djl;

import static org.latentlab.backend.djl.DjlOps.arr;

import ai.djl.ndarray.types.DataType;
import org.latentlab.api.ops.RandomOps;
import org.latentlab.api.tensor.Tensor;

/** {@link RandomOps} on DJL, drawing from the engine generator seeded when the session opened. */
final class DjlRandomOps implements RandomOps {
  private final DjlOps ops;

  DjlRandomOps(DjlOps ops) {
    this.ops = ops;
  }

  @Override
  public Tensor normal(float mean, float std, int... shape) {
    return ops.wrap(ops.scope().randomNormal(mean, std, DjlOps.shapeOf(shape), DataType.FLOAT32));
  }

  @Override
  public Tensor uniform(float lo, float hi, int... shape) {
    return ops.wrap(ops.scope().randomUniform(lo, hi, DjlOps.shapeOf(shape), DataType.FLOAT32));
  }

  @Override
  public Tensor normalLike(Tensor like) {
    return ops.wrap(ops.scope().randomNormal(0, 1, arr(like).getShape(), DataType.FLOAT32));
  }

  @Override
  public Tensor uniformLike(Tensor like) {
    return ops.wrap(ops.scope().randomUniform(0, 1, arr(like).getShape(), DataType.FLOAT32));
  }
}
