package org.latentlab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The reference loops really train: on the synthetic batches the reconstruction loss falls within 20
 * steps (mostly dark pixels: a model that has learned anything beats the initial ~ln 2 clearly).
 */
class ReferenceLoopLearningTest {
  private static final int BATCH = 32;
  private static final int STEPS = 20;

  @Test
  void djlLoopLossFalls() {
    assertLossFalls("djl");
  }

  @Test
  void tensorflowLoopLossFalls() {
    assertLossFalls("tensorflow");
  }

  private static void assertLossFalls(String engine) {
    float first;
    float last;
    try (ReferenceLoop loop = ReferenceLoopMain.open(engine, BATCH, 2)) {
      first = loop.step();
      last = first;
      for (int i = 1; i < STEPS; i++) {
        last = loop.step();
        assertThat(last).as("%s loss at step %d", engine, i + 1).isFinite();
      }
    }
    assertThat(first).as("%s initial loss, near ln 2", engine).isBetween(0.6f, 0.8f);
    assertThat(last).as("%s loss after %d steps (first %f)", engine, STEPS, first).isLessThan(0.85f * first);
  }
}
