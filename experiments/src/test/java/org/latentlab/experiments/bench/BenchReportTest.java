package org.latentlab.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  private static final BenchProtocol PROTOCOL = new BenchProtocol(128, 20, 3, 30);

  private static BenchResult result(String caseName, String backend, double imagesPerSecond, Double peak) {
    return new BenchResult(caseName, backend, 128, 30, 2, List.of(imagesPerSecond), imagesPerSecond,
        128_000 / imagesPerSecond, 2500, peak, 0.69, 0.31);
  }

  private final BenchReport report = new BenchReport(PROTOCOL, 1, 2, List.of(
      result("reference", "djl", 3000, 260.0),
      result("framework", "djl", 2850, 420.0),
      result("reference", "tensorflow", 4000, null),
      result("framework", "tensorflow", 4200, 510.0)));

  @Test
  void ratioIsFrameworkOverReferenceSpeedPerBackend() {
    assertThat(report.ratios()).containsOnlyKeys("djl", "tensorflow");
    assertThat(report.ratios().get("djl")).isCloseTo(0.95, within(1e-12));
    assertThat(report.ratios().get("tensorflow")).isCloseTo(1.05, within(1e-12));
  }

  @Test
  void backendWithoutAReferenceHasNoRatio() {
    BenchReport partial = new BenchReport(PROTOCOL, 1, 2, List.of(result("framework", "djl", 2850, 420.0)));

    assertThat(partial.ratios()).isEmpty();
    assertThat(partial.table()).contains("framework");
  }

  @Test
  void tableHasOneRowPerResultAndTheRatioOnFrameworkRows() {
    List<String> lines = report.table().lines().toList();

    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).contains("BACKEND", "CASE", "IMAGES/S", "STEP MS", "START-UP S", "PEAK RSS MiB",
        "VS REFERENCE");
    assertThat(lines.get(1).split("\\s+")).containsExactly("djl", "reference", "3000", "42.7", "2.50", "260");
    assertThat(lines.get(2).split("\\s+")).containsExactly("djl", "framework", "2850", "44.9", "2.50", "420", "0.950x");
    assertThat(lines.get(3).split("\\s+")).containsExactly("tensorflow", "reference", "4000", "32.0", "2.50", "n/a");
    assertThat(lines.get(4)).endsWith("1.050x");
    assertThat(lines.get(5)).isEqualTo("batch 128, 20 warm-up steps, median of 1 round(s) x 3 runs of 30 steps, 2 thread(s)");
  }

  @Test
  void jsonHoldsTheProtocolTheResultsAndTheRatios() {
    JsonNode json = report.json(new ObjectMapper());

    assertThat(json.get("protocol").get("batch").asInt()).isEqualTo(128);
    assertThat(json.get("protocol").get("warmupSteps").asInt()).isEqualTo(20);
    assertThat(json.get("protocol").get("runs").asInt()).isEqualTo(3);
    assertThat(json.get("protocol").get("stepsPerRun").asInt()).isEqualTo(30);
    assertThat(json.get("protocol").get("threads").asInt()).isEqualTo(2);
    assertThat(json.get("results")).hasSize(4);
    assertThat(json.get("results").get(1).get("case").asText()).isEqualTo("framework");
    assertThat(json.get("results").get(2).get("peakRssMiB").isNull()).isTrue();
    assertThat(json.get("frameworkToReference").get("djl").asDouble()).isCloseTo(0.95, within(1e-12));
  }

  @Test
  void medianOfAnOddCountIsTheMiddleValueAndOfAnEvenCountTheMeanOfTheMiddleTwo() {
    assertThat(BenchProtocol.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
    assertThat(BenchProtocol.median(List.of(5.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void protocolRunsWarmupThenTheTimedRuns() {
    int[] calls = {0};
    BenchResult r = new BenchProtocol(8, 2, 3, 4).measure("framework", "djl", 1, () -> ++calls[0]);

    assertThat(calls[0]).isEqualTo(2 + 3 * 4);
    assertThat(r.imagesPerSecondRuns()).hasSize(3);
    assertThat(r.imagesPerSecond()).isEqualTo(BenchProtocol.median(r.imagesPerSecondRuns()));
    assertThat(r.firstLoss()).isEqualTo(1.0);
    assertThat(r.lastLoss()).isEqualTo(14.0);
    assertThat(r.stepsPerRun()).isEqualTo(4);
  }

  @Test
  void roundsArePooledIntoOneResult() {
    BenchResult a = new BenchResult("framework", "djl", 100, 10, 2, List.of(1000.0, 3000.0), 2000, 50, 1500, 400.0,
        0.7, 0.2);
    BenchResult b = new BenchResult("framework", "djl", 100, 10, 2, List.of(2000.0, 5000.0, 4000.0), 4000, 25, 1700,
        450.0, 0.69, 0.21);
    BenchResult merged = BenchResult.merge(List.of(a, b));
    assertThat(merged.imagesPerSecondRuns()).containsExactly(1000.0, 3000.0, 2000.0, 5000.0, 4000.0);
    assertThat(merged.imagesPerSecond()).isEqualTo(3000.0);
    assertThat(merged.stepMillis()).isCloseTo(1000.0 * 100 / 3000, within(1e-9));
    assertThat(merged.startupMillis()).isEqualTo(1600);
    assertThat(merged.peakRssMiB()).isEqualTo(450.0);
    assertThat(merged.firstLoss()).isEqualTo(0.7);
  }
}
