package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code latentlab bench} end to end on the class path (as Surefire runs it): a tiny protocol on the
 * DJL backend starts the reference loop and the framework worker in child JVMs and reports both.
 */
class BenchCommandTest {
  private static final Path QUICKSTART =
      Path.of(System.getProperty("latentlab.repo.root", ".."), "experiments", "catalog", "quickstart.yaml");

  @TempDir Path dir;



  @Test
  void benchesBothCasesOnDjlAndReportsTheRatio() throws Exception {
    Path json = dir.resolve("bench.json");
    Launch o = Launch.of("bench", "--backends", "djl", "--rounds", "1", "--batch", "32", "--warmup", "3", "--runs", "1", "--steps", "3",
        "--descriptor", QUICKSTART.toString(), "--json", json.toString());

    assertThat(o.code()).as(o.err()).isZero();
    assertThat(o.out()).contains("reference", "framework", "VS REFERENCE");
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.get("results")).hasSize(2);
    for (JsonNode r : report.get("results")) {
      assertThat(r.get("backend").asText()).isEqualTo("djl");
      assertThat(r.get("batch").asInt()).isEqualTo(32);
      assertThat(r.get("imagesPerSecond").asDouble()).isPositive();
      assertThat(r.get("startupMillis").asLong()).isPositive();
      assertThat(r.get("lastLoss").asDouble()).as("%s", r).isLessThan(r.get("firstLoss").asDouble());
    }
    assertThat(report.get("frameworkToReference").get("djl").asDouble()).isPositive();
  }

  @Test
  void anUnknownBackendIsRefusedBeforeAnythingStarts() {
    Launch o = Launch.of("bench", "--backends", "jax", "--descriptor", QUICKSTART.toString());

    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("no backend 'jax' installed; installed: djl");
  }

  @Test
  void anEmptyProtocolIsRefused() {
    Launch o = Launch.of("bench", "--runs", "0", "--descriptor", QUICKSTART.toString());

    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("--runs >= 1").contains("runs 0");
  }

  @Test
  void theWorkerRefusesAnUnknownBackend() {
    Launch o = Launch.of("bench-worker", "--descriptor", QUICKSTART.toString(), "--backend", "jax");

    assertThat(o.code()).isEqualTo(2);
    assertThat(o.err()).contains("no backend 'jax'; available: djl");
  }
}
