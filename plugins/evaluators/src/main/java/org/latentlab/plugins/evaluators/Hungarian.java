package org.latentlab.plugins.evaluators;

import java.util.Arrays;

/**
 * The Hungarian algorithm (Kuhn 1955, Munkres 1957) for the assignment problem: given a cost matrix
 * {@code [rows, columns]} with {@code rows <= columns}, the assignment of every row to a distinct column
 * with the least total cost. This is the O(rows^2 columns) shortest-augmenting-path form with row and
 * column potentials {@code u, v} kept feasible ({@code u_i + v_j <= cost_ij}, tight on the assignment).
 */
final class Hungarian {
  private Hungarian() {}

  /**
   * The column of each row in a least-cost assignment of {@code cost} ({@code rows <= columns}, finite
   * values).
   */
  static int[] minimumCost(double[][] cost) {
    int n = cost.length;
    int m = n == 0 ? 0 : cost[0].length;
    if (n > m) {
      throw new IllegalArgumentException("assignment: more rows (" + n + ") than columns (" + m + ");"
          + " transpose the cost matrix");
    }
    // 1-based arrays; column 0 is a virtual column holding the row being inserted.
    double[] u = new double[n + 1];
    double[] v = new double[m + 1];
    int[] rowOfColumn = new int[m + 1];
    int[] previous = new int[m + 1];
    for (int row = 1; row <= n; row++) {
      rowOfColumn[0] = row;
      int column = 0;
      double[] slack = new double[m + 1];
      Arrays.fill(slack, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[m + 1];
      do {
        used[column] = true;
        int i = rowOfColumn[column];
        double delta = Double.POSITIVE_INFINITY;
        int next = 0;
        for (int j = 1; j <= m; j++) {
          if (!used[j]) {
            double reduced = cost[i - 1][j - 1] - u[i] - v[j];
            if (reduced < slack[j]) {
              slack[j] = reduced;
              previous[j] = column;
            }
            if (slack[j] < delta) {
              delta = slack[j];
              next = j;
            }
          }
        }
        for (int j = 0; j <= m; j++) {
          if (used[j]) {
            u[rowOfColumn[j]] += delta;
            v[j] -= delta;
          } else {
            slack[j] -= delta;
          }
        }
        column = next;
      } while (rowOfColumn[column] != 0);
      do {
        int before = previous[column];
        rowOfColumn[column] = rowOfColumn[before];
        column = before;
      } while (column != 0);
    }
    int[] columnOfRow = new int[n];
    for (int j = 1; j <= m; j++) {
      if (rowOfColumn[j] != 0) {
        columnOfRow[rowOfColumn[j] - 1] = j - 1;
      }
    }
    return columnOfRow;
  }

  /** The column of each row in an assignment with the greatest total {@code score} ({@code rows <= columns}). */
  static int[] maximumScore(long[][] score) {
    double[][] cost = new double[score.length][];
    for (int i = 0; i < score.length; i++) {
      cost[i] = new double[score[i].length];
      for (int j = 0; j < score[i].length; j++) {
        cost[i][j] = -score[i][j];
      }
    }
    return minimumCost(cost);
  }
}
