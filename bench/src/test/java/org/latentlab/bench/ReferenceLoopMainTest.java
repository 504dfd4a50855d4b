package org.latentlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReferenceLoopMainTest {

  @Test
  void fillsDefaultsForAbsentOptions() {
    Map<String, String> options = ReferenceLoopMain.parse(new String[] {"--engine", "djl", "--steps", "7"});

    assertThat(options).containsEntry("--engine", "djl").containsEntry("--steps", "7")
        .containsEntry("--batch", "128").containsEntry("--warmup", "20").containsEntry("--runs", "5")
        .containsEntry("--threads", "2");
  }

  @Test
  void refusesAnUnknownEngine() {
    assertThatThrownBy(() -> ReferenceLoopMain.parse(new String[] {"--engine", "jax"}))
        .hasMessageContaining("--engine must be one of [djl, tensorflow] (was jax)");
  }

  @Test
  void refusesAnUnknownOption() {
    assertThatThrownBy(() -> ReferenceLoopMain.parse(new String[] {"--engine", "djl", "--step", "3"}))
        .hasMessageContaining("unknown option '--step'");
  }

  @Test
  void refusesANonIntegerCount() {
    assertThatThrownBy(() -> ReferenceLoopMain.parse(new String[] {"--engine", "djl", "--runs", "five"}))
        .hasMessageContaining("--runs must be an integer (was five)");
  }
}
