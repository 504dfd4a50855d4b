package org.example.kmeans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class ClusterScoresTest {

  @Test
  void identicalPartitionsHaveNmiOne() {
    int[] labels = {0, 0, 1, 1, 2, 2, 2};
    assertThat(ClusterScores.nmi(labels, labels)).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void renamedClustersStillHaveNmiOne() {
    assertThat(ClusterScores.nmi(new int[] {2, 2, 0, 0, 1, 1}, new int[] {0, 0, 1, 1, 2, 2})).isCloseTo(1.0, offset(1e-12));
  }

  @Test
  void independentPartitionsHaveNmiZero() {
    // every cluster holds every class equally often: I(C; Y) = 0
    assertThat(ClusterScores.nmi(new int[] {0, 0, 1, 1, 0, 0, 1, 1}, new int[] {0, 1, 0, 1, 1, 0, 1, 0}))
        .isCloseTo(0.0, offset(1e-12));
  }

  @Test
  void aPartialMatchHasTheTextbookValue() {
    // clusters {0,0,1,1} vs labels {0,0,0,1}: H(C) = ln 2, H(Y) = H(3/4), I = H(Y) - H(Y|C) = H(Y) - ln(2)/2
    double hy = -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25));
    double expected = 2 * (hy - Math.log(2) / 2) / (Math.log(2) + hy);
    assertThat(ClusterScores.nmi(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1})).isCloseTo(expected, offset(1e-12));
  }

  @Test
  void unknownLabelsAreIgnored() {
    assertThat(ClusterScores.nmi(new int[] {0, 1, 0, 1}, new int[] {0, 1, -1, -1})).isCloseTo(1.0, offset(1e-12));
    assertThat(ClusterScores.purity(new int[] {0, 1, 0}, new int[] {0, 0, -1}, new int[] {0, 1})).isEqualTo(0.5);
  }

  @Test
  void purityCountsPointsWhoseClusterMajorityIsTheirLabel() {
    int[] trainClusters = {0, 0, 0, 1, 1, 1};
    int[] trainLabels = {2, 2, 1, 0, 0, 1};
    int[] majority = ClusterScores.majorityLabels(trainClusters, trainLabels, 3, 3);
    assertThat(majority).containsExactly(2, 0, -1);
    assertThat(ClusterScores.purity(new int[] {0, 1, 1, 2}, new int[] {2, 0, 1, 1}, majority)).isEqualTo(0.5);
  }
}
