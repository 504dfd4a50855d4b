package org.latentlab.plugins.gans;

import org.latentlab.api.ops.MathOps;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * A per-sample affine warp of images {@code [n, c, h, w]} in the graph, differentiable in the images, built from
 * elementwise operations every backend has. Output pixel {@code (r, col)} reads the input, by bilinear
 * interpolation with zeros outside, at row {@code r' = sy (r - m_h) + m_h + ty} and column
 * {@code sx (col - m_w) + m_w + tx + shear (r' - m_h)} ({@code m} the centre). It runs as two passes of 1-D linear
 * interpolation: along each row (scale, shift and the row's own shear offset), then along each column; each pass
 * weighs source pixel {@code k} by the triangle {@code max(0, 1 - |k - source|)}, which is linear interpolation.
 */
final class ImageWarp {
  private ImageWarp() {}

  /**
   * {@code images} warped with each sample's parameters, tensors {@code [n, 1, 1, 1]}: scales {@code sx, sy},
   * shifts {@code tx, ty} in pixels and {@code shear}.
   */
  static Tensor apply(Ops ops, Tensor images, Tensor sx, Tensor sy, Tensor tx, Tensor ty, Tensor shear) {
    int n = images.dim(0);
    int c = images.dim(1);
    int h = images.dim(2);
    int w = images.dim(3);
    MathOps m = ops.math();
    float midH = (h - 1) / 2f;
    float midW = (w - 1) / 2f;
    // Along rows: row j of the [n, c*h] rows is image row j % h.
    Tensor rowOffsets = m.mul(shear, ops.constant(grid(c * h, h, midH, new int[] {1, c * h, 1, 1})));
    Tensor columns = ops.constant(grid(w, w, midW, new int[] {1, 1, w, 1}));
    Tensor columnSource = m.add(m.add(m.addScalar(m.mul(sx, columns), midW), tx), rowOffsets);
    Tensor rows = interpolate(ops, ops.shape().reshape(images, n, c * h, 1, w), columnSource, w);
    // Along columns: the same 1-D interpolation on the transposed images.
    Tensor transposed = ops.shape().transpose(ops.shape().reshape(rows, n, c, h, w), 0, 1, 3, 2);
    Tensor heights = ops.constant(grid(h, h, midH, new int[] {1, 1, h, 1}));
    Tensor rowSource = m.add(m.addScalar(m.mul(sy, heights), midH), ty);
    Tensor columnsDone = interpolate(ops, ops.shape().reshape(transposed, n, c * w, 1, h), rowSource, h);
    return ops.shape().transpose(ops.shape().reshape(columnsDone, n, c, w, h), 0, 1, 3, 2);
  }

  /**
   * {@code images} warped with parameters drawn per sample: shear uniform in {@code +-maxShear}, scales in
   * {@code 1 +- maxScaleChange}, shifts in {@code +-maxShift}.
   */
  static Tensor random(Ops ops, Tensor images, RandomWarp a) {
    int n = images.dim(0);
    return apply(ops, images, draw(ops, n, 1, a.maxScaleChange()), draw(ops, n, 1, a.maxScaleChange()),
        draw(ops, n, 0, a.maxShift()), draw(ops, n, 0, a.maxShift()), draw(ops, n, 0, a.maxShear()));
  }

  private static Tensor draw(Ops ops, int n, float centre, double halfWidth) {
    return ops.random().uniform(centre - (float) halfWidth, centre + (float) halfWidth, n, 1, 1, 1);
  }

  /**
   * Rows {@code [n, r, 1, len]} read at {@code source [n, r or 1, len, 1]} (output position by row):
   * {@code out[i, j, p] = sum_k max(0, 1 - |k - source[i, j, p]|) rows[i, j, k]}, shaped {@code [n, r, len]}.
   */
  private static Tensor interpolate(Ops ops, Tensor rows, Tensor source, int len) {
    MathOps m = ops.math();
    Tensor k = ops.constant(grid(len, len, 0, new int[] {1, 1, 1, len}));
    Tensor weights = ops.nn().relu(m.sub(ops.scalar(1), m.abs(m.sub(k, source))));
    return m.sum(m.mul(weights, rows), false, 3);
  }

  /** Values {@code (j % period) - offset} for {@code j < count}, shaped {@code shape}. */
  private static HostTensor grid(int count, int period, float offset, int[] shape) {
    float[] v = new float[count];
    for (int j = 0; j < count; j++) {
      v[j] = (j % period) - offset;
    }
    return new HostTensor(v, shape);
  }
}
