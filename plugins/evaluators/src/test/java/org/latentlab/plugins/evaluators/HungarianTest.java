package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Hungarian algorithm against known answers and against trying every permutation. */
class HungarianTest {

  @Test
  void aPermutationMatrixOfScoresGivesBackThePermutation() {
    int[] permutation = {3, 0, 4, 1, 2};
    long[][] score = new long[5][5];
    for (int i = 0; i < 5; i++) {
      score[i][permutation[i]] = 1;
    }
    assertThat(Hungarian.maximumScore(score)).containsExactly(permutation);
  }

  @Test
  void aHandCheckedThreeByThreeCostWhereGreedyFails() {
    // Greedy takes the 0 at (1, 1) first and must then pay 4 + 2 = 6 in total; the optimum is
    // (0, 1) + (1, 0) + (2, 2) = 1 + 2 + 2 = 5, the only assignment of cost 5 of the six.
    double[][] cost = {{4, 1, 3}, {2, 0, 5}, {3, 2, 2}};
    assertThat(Hungarian.minimumCost(cost)).containsExactly(1, 0, 2);
  }

  @Test
  void fewerRowsThanColumnsLeavesTheDearestColumnsOut() {
    double[][] cost = {{5, 9, 1, 7}, {4, 2, 3, 8}};
    assertThat(Hungarian.minimumCost(cost)).containsExactly(2, 1);
    assertThatThrownBy(() -> Hungarian.minimumCost(new double[][] {{1}, {2}}))
        .hasMessageContaining("more rows (2) than columns (1)");
  }

  @Test
  void randomCostsMatchTheBestOfEveryPermutation() {
    SplittableRandom random = new SplittableRandom(7);
    for (int trial = 0; trial < 50; trial++) {
      int n = 1 + random.nextInt(6);
      double[][] cost = new double[n][n];
      for (double[] row : cost) {
        for (int j = 0; j < n; j++) {
          row[j] = random.nextInt(20) - 5;
        }
      }
      int[] assignment = Hungarian.minimumCost(cost);
      assertThat(assignment).doesNotHaveDuplicates();
      assertThat(total(cost, assignment)).isCloseTo(bruteForce(cost, new int[n], new boolean[n], 0), within(1e-9));
    }
  }

  private static double total(double[][] cost, int[] assignment) {
    double s = 0;
    for (int i = 0; i < assignment.length; i++) {
      s += cost[i][assignment[i]];
    }
    return s;
  }

  private static double bruteForce(double[][] cost, int[] chosen, boolean[] used, int row) {
    if (row == cost.length) {
      return total(cost, chosen);
    }
    double best = Double.POSITIVE_INFINITY;
    for (int j = 0; j < cost.length; j++) {
      if (!used[j]) {
        used[j] = true;
        chosen[row] = j;
        best = Math.min(best, bruteForce(cost, chosen, used, row + 1));
        used[j] = false;
      }
    }
    return best;
  }
}
