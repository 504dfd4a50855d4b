package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClusterScoresTest {

  @Test
  void aPerfectClusteringUpToRenamingScoresOne() {
    int[] labels = {0, 0, 1, 1, 2, 2, 2};
    int[] clusters = {5, 5, 3, 3, 9, 9, 9};
    assertThat(ClusterScores.nmi(clusters, labels)).isCloseTo(1, within(1e-12));
    assertThat(ClusterScores.ari(clusters, labels)).isCloseTo(1, within(1e-12));
  }

  @Test
  void independentPartitionsScoreAboutZero() {
    SplittableRandom r = new SplittableRandom(3);
    int n = 20_000;
    int[] a = new int[n];
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = r.nextInt(10);
      b[i] = r.nextInt(10);
    }
    assertThat(ClusterScores.nmi(a, b)).isBetween(0.0, 0.01);
    assertThat(ClusterScores.ari(a, b)).isCloseTo(0, within(0.01));
  }

  @Test
  void knownValuesMatchScikitLearn() {
    // sklearn: adjusted_rand_score([0,0,1,1],[0,0,1,2]) = 0.5714285714,
    // normalized_mutual_info_score([0,0,1,1],[0,0,1,2]) = 0.8
    int[] a = {0, 0, 1, 1};
    int[] b = {0, 0, 1, 2};
    assertThat(ClusterScores.ari(a, b)).isCloseTo(4.0 / 7, within(1e-9));
    assertThat(ClusterScores.nmi(a, b)).isCloseTo(0.8, within(1e-9));
  }

  @Test
  void entropyAndMutualInformationOfACopyAgree() {
    int[] a = {0, 1, 2, 3, 0, 1, 2, 3};
    assertThat(InformationMeasures.entropy(a)).isCloseTo(Math.log(4), within(1e-12));
    assertThat(InformationMeasures.mutualInformation(a, a)).isCloseTo(Math.log(4), within(1e-12));
  }

  @Test
  void histogramPutsTheMaximumInTheLastBin() {
    assertThat(InformationMeasures.histogram(new float[] {0, 0.5f, 1, 0.24f}, 4)).containsExactly(0, 2, 3, 0);
    assertThat(InformationMeasures.discreteFactor(new float[] {0.6f, 0.5f, 0.6f}, 50, 20)).containsExactly(1, 0, 1);
  }
}
