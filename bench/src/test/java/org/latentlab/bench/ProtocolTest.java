package org.latentlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProtocolTest {

  @Test
  void runsWarmupThenTimedRunsAndKeepsTheFirstAndLastLoss() {
    int[] calls = {0};
    Measurement m = new Protocol(16, 3, 4, 5).measure(() -> ++calls[0]);

    assertThat(calls[0]).isEqualTo(3 + 4 * 5);
    assertThat(m.imagesPerSecondRuns()).hasSize(4).allSatisfy(v -> assertThat(v).isPositive());
    assertThat(m.stepMillisRuns()).hasSize(4);
    assertThat(m.firstLoss()).isEqualTo(1);
    assertThat(m.lastLoss()).isEqualTo(23);
    assertThat(m.startupMillis()).isPositive();
  }

  @Test
  void refusesEmptyRuns() {
    assertThatThrownBy(() -> new Protocol(128, 20, 0, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("runs 0");
  }

  @Test
  void needsAWarmupStepToEndTheStartupTime() {
    assertThatThrownBy(() -> new Protocol(128, 0, 5, 30))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmup 0");
  }
}
