package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SelectionStrategyTest {
  private static final int[] POOL = {1, 2, 3, 4};

  @Test
  void kCenterTakesThePointFarthestFromEverythingChosenSoFar() {
    float[] line = new float[11];
    for (int i = 0; i <= 10; i++) {
      line[i] = i;
    }
    int[] pool = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    assertThat(SelectionStrategy.K_CENTER.select(3, pool, new int[] {0}, line, 1, null, 2, new SplittableRandom(1)))
        .as("10 is farthest from 0, then 5 from both, then 2 or 3 (the first of equals: 2)... ")
        .containsExactly(10, 5, 2);
  }

  @Test
  void marginTakesTheRowsWhoseTwoBestClassesAreClosest() {
    float[] logits = {
        0, 0, 0, // row 0: not in the pool
        5, 0, 0, // row 1: sure
        1, 1, 0, // row 2: tie between two classes, margin 0
        2, 1, 0, // row 3: in between
        1, 1, 1}; // row 4: uniform, margin 0 too
    assertThat(SelectionStrategy.MARGIN.select(2, POOL, new int[] {0}, null, 0, logits, 3, new SplittableRandom(1)))
        .containsExactly(2, 4);
    assertThat(SelectionStrategy.ENTROPY.select(1, POOL, new int[] {0}, null, 0, logits, 3, new SplittableRandom(1)))
        .as("the uniform row has the largest entropy").containsExactly(4);
    assertThat(SelectionStrategy.entropy(logits, 4, 3)).isCloseTo(Math.log(3), org.assertj.core.data.Offset.offset(1e-9));
    assertThat(SelectionStrategy.margin(logits, 1, 3)).isGreaterThan(0.98);
  }

  @Test
  void randomPicksDistinctPoolRowsReproducibly() {
    int[] pool = new int[100];
    for (int i = 0; i < pool.length; i++) {
      pool[i] = 2 * i;
    }
    int[] a = SelectionStrategy.RANDOM.select(20, pool, new int[0], null, 0, null, 2, new SplittableRandom(7));
    int[] b = SelectionStrategy.RANDOM.select(20, pool, new int[0], null, 0, null, 2, new SplittableRandom(7));
    assertThat(a).containsExactly(b).doesNotHaveDuplicates();
    assertThat(java.util.Arrays.stream(a).boxed().toList()).allMatch(i -> i % 2 == 0 && i < 200);
    assertThat(SelectionStrategy.RANDOM.select(20, pool, new int[0], null, 0, null, 2, new SplittableRandom(8)))
        .isNotEqualTo(a);
  }
}
