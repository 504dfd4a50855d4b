package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AurocTest {
  private static final boolean[] POSITIVE = {false, false, false, true, true};

  @Test
  void perfectlySeparatedScoresGiveOne() {
    assertThat(Auroc.of(new double[] {0.1, 0.2, 0.3, 0.8, 0.9}, POSITIVE)).isEqualTo(1.0);
  }

  @Test
  void reversedScoresGiveZero() {
    assertThat(Auroc.of(new double[] {0.9, 0.8, 0.7, 0.2, 0.1}, POSITIVE)).isEqualTo(0.0);
  }

  @Test
  void tiesCountHalf() {
    assertThat(Auroc.of(new double[] {1, 1, 1, 1, 1}, POSITIVE)).isEqualTo(0.5);
    // positive 0.5 ties one negative and beats one: (1 + 0.5 + 0 ... ) pairs: (2 + 1.5 + 0 + ...) / 6
    double auc = Auroc.of(new double[] {0.2, 0.5, 0.9, 0.5, 1.0}, POSITIVE);
    // pairs: pos 0.5 vs (0.2 win, 0.5 tie, 0.9 loss) = 1.5; pos 1.0 vs all = 3 -> 4.5 / 6
    assertThat(auc).isCloseTo(0.75, within(1e-12));
  }

  @Test
  void needsBothClasses() {
    assertThatThrownBy(() -> Auroc.of(new double[] {1, 2}, new boolean[] {true, true}))
        .hasMessageContaining("positives and negatives");
  }
}
