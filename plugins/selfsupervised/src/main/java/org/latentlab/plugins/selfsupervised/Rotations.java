package org.latentlab.plugins.selfsupervised;

import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * Rotations of square images by multiples of 90 degrees, counter-clockwise, built from transposes and a
 * column reversal (a product with the reversal matrix {@code J}), so they run in the graph of either backend.
 */
final class Rotations {
  private Rotations() {}

  /** {@code x [n, c, s, s]} rotated counter-clockwise by {@code quarterTurns x 90} degrees. */
  static Tensor rotate(Ops ops, Tensor x, int quarterTurns) {
    Tensor out = x;
    for (int t = 0; t < Math.floorMod(quarterTurns, 4); t++) {
      out = quarterTurn(ops, out);
    }
    return out;
  }

  /**
   * One counter-clockwise quarter turn: {@code out[i][j] = in[j][s - 1 - i]}, i.e. transpose, then reverse the
   * row order; the reversal of rows is that of columns of the transpose's transpose, done as a product with J.
   */
  private static Tensor quarterTurn(Ops ops, Tensor x) {
    int n = x.dim(0);
    int c = x.dim(1);
    int s = x.dim(2);
    if (x.dim(3) != s) {
      throw new IllegalArgumentException("rotation needs square images (was " + s + "x" + x.dim(3) + ")");
    }
    // Reversing the columns of in, then transposing, gives out[i][j] = in[j][s - 1 - i].
    Tensor reversed = ops.math().matmul(ops.shape().reshape(x, n * c * s, s), reversal(ops, s));
    return ops.shape().transpose(ops.shape().reshape(reversed, n, c, s, s), 0, 1, 3, 2);
  }

  private static Tensor reversal(Ops ops, int s) {
    float[] j = new float[s * s];
    for (int i = 0; i < s; i++) {
      j[i * s + (s - 1 - i)] = 1;
    }
    return ops.constant(new HostTensor(j, new int[] {s, s}));
  }

  /** The same rotation on the host, as the reference of the tests and for people: {@code out[i][j] = in[j][s-1-i]}. */
  static float[] rotateHost(float[] image, int side, int quarterTurns) {
    float[] out = image.clone();
    for (int t = 0; t < Math.floorMod(quarterTurns, 4); t++) {
      float[] next = new float[out.length];
      int plane = side * side;
      for (int p = 0; p < out.length / plane; p++) {
        for (int i = 0; i < side; i++) {
          for (int j = 0; j < side; j++) {
            next[p * plane + i * side + j] = out[p * plane + j * side + (side - 1 - i)];
          }
        }
      }
      out = next;
    }
    return out;
  }
}
