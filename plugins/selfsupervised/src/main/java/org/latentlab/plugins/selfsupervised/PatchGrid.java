package org.latentlab.plugins.selfsupervised;

import java.util.SplittableRandom;
import org.latentlab.api.ops.Ops;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.tensor.Tensor;

/**
 * The 3x3 grid of square patches that context prediction (Doersch et al. 2015) and the jigsaw puzzle (Noroozi
 * &amp; Favaro 2016) cut from an image: patches of side {@code patch} separated by gaps of {@code gap} pixels, the
 * grid centred in the image, each patch shifted by up to {@code jitter} pixels along each axis when drawn for
 * training, so the network cannot match neighbours by edge continuity or by where exactly they sit. Cells are
 * numbered 0..8 row by row; the eight neighbours of the centre are numbered 0..7 row by row: 0 top left, 1 top,
 * 2 top right, 3 left, 4 right, 5 bottom left, 6 bottom, 7 bottom right.
 *
 * @param side   the image side
 * @param patch  the patch side
 * @param gap    pixels between neighbouring patches
 * @param jitter most pixels a patch moves along each axis in training
 */
record PatchGrid(int side, int patch, int gap, int jitter) {
  /** For 28x28 digits: 8x8 patches, a gap of 2 and a jitter of 1 (the grid spans 28 pixels). */
  static PatchGrid forSide(int side) {
    int patch = Math.max(2, (side - 4) / 3);
    int gap = Math.max(0, (side - 3 * patch) / 2);
    return new PatchGrid(side, patch, gap, gap > 0 ? Math.max(1, gap / 2) : 0);
  }

  /** Checks that the grid fits. */
  PatchGrid {
    if (3 * patch + 2 * gap > side || patch < 1) {
      throw new IllegalArgumentException("a 3x3 grid of " + patch + "-pixel patches with gaps of " + gap
          + " does not fit " + side + "-pixel images");
    }
  }

  /** Grid row (0..2) of neighbour {@code k} (0..7). */
  static int row(int k) {
    int cell = k < 4 ? k : k + 1;
    return cell / 3;
  }

  /** Grid column (0..2) of neighbour {@code k} (0..7). */
  static int column(int k) {
    int cell = k < 4 ? k : k + 1;
    return cell % 3;
  }

  /** Top (or left) pixel of grid cell {@code index} (0..2) without jitter. */
  int offset(int index) {
    int margin = (side - 3 * patch - 2 * gap) / 2;
    return margin + index * (patch + gap);
  }

  /** The unjittered patch in grid cell ({@code row}, {@code column}) of every image of {@code x [n, c, side, side]}. */
  Tensor cell(Ops ops, Tensor x, int row, int column) {
    return ops.shape().slice(x, new int[] {0, 0, offset(row), offset(column)}, new int[] {x.dim(0), x.dim(1), patch, patch});
  }

  /** {@link #offset} moved by {@code shift}, kept inside the image. */
  int jittered(int index, int shift) {
    return Math.max(0, Math.min(side - patch, offset(index) + shift));
  }

  /** A jitter drawn from {@code random}: uniform in {@code [-jitter, jitter]}; no draw when the jitter is 0. */
  int shift(SplittableRandom random) {
    return jitter == 0 ? 0 : random.nextInt(2 * jitter + 1) - jitter;
  }

  /**
   * Copies the patch of image {@code image} of {@code x [n, c, side, side]} whose top left pixel is at
   * ({@code top}, {@code left}) into row {@code row} of {@code into}, patches {@code [m, c, patch, patch]}.
   */
  void cut(HostTensor x, int image, int top, int left, float[] into, int row) {
    int c = x.shape()[1];
    for (int ch = 0; ch < c; ch++) {
      for (int r = 0; r < patch; r++) {
        System.arraycopy(x.data(), ((image * c + ch) * side + top + r) * side + left, into,
            ((row * c + ch) * patch + r) * patch, patch);
      }
    }
  }
}
