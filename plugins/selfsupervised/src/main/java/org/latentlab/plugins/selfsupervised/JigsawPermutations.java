package org.latentlab.plugins.selfsupervised;

/**
 * The fixed set of tile orders a jigsaw puzzle is shuffled with (Noroozi &amp; Favaro 2016, section 3.3): out of
 * all {@code 9! = 362,880} permutations of the nine tiles, {@code count} chosen greedily to lie far apart in
 * Hamming distance (the number of slots where two orders differ), so that no two classes are almost the same
 * puzzle. Starting from the identity, each next permutation is one whose smallest distance to those already chosen
 * is the largest (the first such in lexicographic order): the paper's "maximal" selection with the minimum in place
 * of the average, which keeps the closest pair apart. A fixed function of {@code count}: no seed.
 */
final class JigsawPermutations {
  /** Tiles of a puzzle. */
  static final int TILES = 9;
  /** Most permutations a set may hold (the paper's largest set). */
  static final int MAX_COUNT = 1000;

  private JigsawPermutations() {}

  /**
   * {@code count} permutations of {@code 0..8}, row {@code k} the order of class {@code k}: slot {@code j} of the
   * shuffled puzzle shows the tile of grid cell {@code order[j]}.
   */
  static int[][] maximalHamming(int count) {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("permutations must be in [1, " + MAX_COUNT + "] (was " + count + ")");
    }
    byte[] all = allPermutations();
    int total = all.length / TILES;
    byte[] nearest = new byte[total];
    java.util.Arrays.fill(nearest, (byte) (TILES + 1));
    int[][] chosen = new int[count][];
    int next = 0;
    for (int k = 0; k < count; k++) {
      chosen[k] = new int[TILES];
      for (int j = 0; j < TILES; j++) {
        chosen[k][j] = all[next * TILES + j];
      }
      if (k + 1 == count) {
        break;
      }
      int best = -1;
      for (int q = 0; q < total; q++) {
        int d = Math.min(nearest[q], distance(all, q, next));
        nearest[q] = (byte) d;
        if (best < 0 || d > nearest[best]) {
          best = q;
        }
      }
      next = best;
    }
    return chosen;
  }

  /** The number of slots where {@code a} and {@code b} differ. */
  static int distance(int[] a, int[] b) {
    int d = 0;
    for (int j = 0; j < TILES; j++) {
      d += a[j] == b[j] ? 0 : 1;
    }
    return d;
  }

  private static int distance(byte[] all, int p, int q) {
    int d = 0;
    for (int j = 0; j < TILES; j++) {
      d += all[p * TILES + j] == all[q * TILES + j] ? 0 : 1;
    }
    return d;
  }

  /** Every permutation of {@code 0..8} in lexicographic order, nine bytes each. */
  private static byte[] allPermutations() {
    int total = 1;
    for (int k = 2; k <= TILES; k++) {
      total *= k;
    }
    byte[] out = new byte[total * TILES];
    byte[] p = {0, 1, 2, 3, 4, 5, 6, 7, 8};
    for (int q = 0; q < total; q++) {
      System.arraycopy(p, 0, out, q * TILES, TILES);
      nextPermutation(p);
    }
    return out;
  }

  /** Steps {@code p} to the next permutation in lexicographic order (the last wraps to the first). */
  private static void nextPermutation(byte[] p) {
    int i = p.length - 2;
    while (i >= 0 && p[i] >= p[i + 1]) {
      i--;
    }
    if (i >= 0) {
      int j = p.length - 1;
      while (p[j] <= p[i]) {
        j--;
      }
      swap(p, i, j);
    }
    for (int a = i + 1, b = p.length - 1; a < b; a++, b--) {
      swap(p, a, b);
    }
  }

  private static void swap(byte[] p, int i, int j) {
    byte t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
}
