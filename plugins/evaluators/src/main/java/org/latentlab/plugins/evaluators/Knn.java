package org.latentlab.plugins.evaluators;

import java.util.stream.IntStream;

/**
 * Brute-force k-nearest-neighbour classification with cosine similarity: rows are scaled to unit
 * length once, similarities are float dot products computed in blocks (training rows transposed per block, query
 * blocks in parallel), and
 * each query keeps its {@code k} most similar training rows. The vote is weighted by
 * {@code exp(s / T)} for similarity {@code s} and temperature {@code T} (Wu et al. 2018, "Unsupervised
 * feature learning via non-parametric instance discrimination"; the protocol of DINO, Caron et al.
 * 2021), or unweighted (plain majority) when {@code T <= 0}. Ties go to the lowest class index.
 */
final class Knn {
  private static final int QUERY_BLOCK = 32;
  private static final int TRAIN_BLOCK = 128;

  private Knn() {}

  /**
   * Predicted class of each query row.
   *
   * @param train       training rows scaled to unit length, {@code n * d}
   * @param trainLabels class per training row, in {@code [0, numClasses)}
   * @param queries     query rows scaled to unit length, {@code m * d}
   * @param dim         {@code d}
   * @param k           neighbours (capped at {@code n})
   * @param numClasses  classes
   * @param temperature vote weight temperature; {@code <= 0}: one vote per neighbour
   */
  static int[] classify(float[] train, int[] trainLabels, float[] queries, int dim, int k, int numClasses,
      double temperature) {
    int n = trainLabels.length;
    int m = queries.length / Math.max(1, dim);
    if (n == 0) {
      throw new IllegalArgumentException("kNN needs at least one training row");
    }
    int kk = Math.min(k, n);
    int[] predictions = new int[m];
    // training rows transposed per block ([j][t] within a block) so that the inner loop is a vectorisable
    // axpy over training rows rather than a sequential dot-product reduction
    float[] transposed = new float[n * dim];
    for (int t0 = 0; t0 < n; t0 += TRAIN_BLOCK) {
      int width = Math.min(n, t0 + TRAIN_BLOCK) - t0;
      for (int t = 0; t < width; t++) {
        for (int j = 0; j < dim; j++) {
          transposed[t0 * dim + j * width + t] = train[(t0 + t) * dim + j];
        }
      }
    }
    int blocks = (m + QUERY_BLOCK - 1) / QUERY_BLOCK;
    IntStream.range(0, blocks).parallel().forEach(b -> {
      int from = b * QUERY_BLOCK;
      int to = Math.min(m, from + QUERY_BLOCK);
      int rows = to - from;
      float[][] topSim = new float[rows][kk];
      int[][] topIdx = new int[rows][kk];
      int[] filled = new int[rows];
      int[] minPos = new int[rows];
      float[][] sims = new float[4][TRAIN_BLOCK];
      for (int t0 = 0; t0 < n; t0 += TRAIN_BLOCK) {
        int t1 = Math.min(n, t0 + TRAIN_BLOCK);
        int width = t1 - t0;
        int base = t0 * dim;
        for (int q = 0; q < rows; q += 4) {
          int group = Math.min(4, rows - q);
          similarities(queries, (from + q) * dim, group, transposed, base, width, dim, sims);
          for (int g = 0; g < group; g++) {
            float[] ts = topSim[q + g];
            int[] ti = topIdx[q + g];
            float[] sg = sims[g];
            for (int t = t0; t < t1; t++) {
              float s = sg[t - t0];
              int r = q + g;
              if (filled[r] < kk) {
                ts[filled[r]] = s;
                ti[filled[r]] = t;
                filled[r]++;
                if (filled[r] == kk) {
                  minPos[r] = argmin(ts);
                }
              } else if (s > ts[minPos[r]]) {
                ts[minPos[r]] = s;
                ti[minPos[r]] = t;
                minPos[r] = argmin(ts);
              }
            }
          }
        }
      }
      double[] votes = new double[numClasses];
      for (int q = 0; q < rows; q++) {
        java.util.Arrays.fill(votes, 0);
        for (int i = 0; i < filled[q]; i++) {
          votes[trainLabels[topIdx[q][i]]] += temperature > 0 ? Math.exp((topSim[q][i] - 1) / temperature) : 1;
        }
        int best = 0;
        for (int c = 1; c < numClasses; c++) {
          if (votes[c] > votes[best]) {
            best = c;
          }
        }
        predictions[from + q] = best;
      }
    });
    return predictions;
  }

  /** Share of {@code predictions} equal to {@code labels}, over rows whose label is known ({@code >= 0}). */
  static double accuracy(int[] predictions, int[] labels) {
    int known = 0;
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] >= 0) {
        known++;
        if (predictions[i] == labels[i]) {
          right++;
        }
      }
    }
    return known == 0 ? Double.NaN : right / (double) known;
  }

  /**
   * Dot products of {@code group} (up to 4) consecutive query rows with the {@code width} training rows
   * of a transposed block, into {@code out[g][t]}; the four queries share each load of a training value.
   */
  private static void similarities(float[] queries, int qo, int group, float[] transposed, int base, int width,
      int dim, float[][] out) {
    float[] s0 = out[0];
    float[] s1 = out[1];
    float[] s2 = out[2];
    float[] s3 = out[3];
    java.util.Arrays.fill(s0, 0, width, 0f);
    java.util.Arrays.fill(s1, 0, width, 0f);
    java.util.Arrays.fill(s2, 0, width, 0f);
    java.util.Arrays.fill(s3, 0, width, 0f);
    for (int j = 0; j < dim; j++) {
      float q0 = queries[qo + j];
      float q1 = group > 1 ? queries[qo + dim + j] : 0f;
      float q2 = group > 2 ? queries[qo + 2 * dim + j] : 0f;
      float q3 = group > 3 ? queries[qo + 3 * dim + j] : 0f;
      if (q0 == 0f && q1 == 0f && q2 == 0f && q3 == 0f) {
        continue;
      }
      int off = base + j * width;
      for (int t = 0; t < width; t++) {
        float x = transposed[off + t];
        s0[t] += q0 * x;
        s1[t] += q1 * x;
        s2[t] += q2 * x;
        s3[t] += q3 * x;
      }
    }
  }

  private static int argmin(float[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] < v[best]) {
        best = i;
      }
    }
    return best;
  }
}
