package org.latentlab.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

  @Test
  void medianOfAnOddCountIsTheMiddleValue() {
    assertThat(Measurement.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleValues() {
    assertThat(Measurement.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
  }

  @Test
  void medianOfNothingIsRefused() {
    assertThatThrownBy(() -> Measurement.median(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonLineHasEveryFieldTheLauncherReads() {
    Measurement m = new Measurement(List.of(1000.0, 3000.0, 2000.0), List.of(128.0, 42.5, 64.0), 1534, 251.5,
        0.69, 0.52);
    String json = m.toJson("reference", "djl", new Protocol(128, 20, 3, 30), 2);

    assertThat(json).isEqualTo("{\"case\":\"reference\",\"backend\":\"djl\",\"batch\":128,\"stepsPerRun\":30,"
        + "\"threads\":2,\"imagesPerSecondRuns\":[1000.0,3000.0,2000.0],\"imagesPerSecond\":2000.0,"
        + "\"stepMillis\":64.0,\"startupMillis\":1534,\"peakRssMiB\":251.5,\"firstLoss\":0.69,"
        + "\"lastLoss\":0.52}");
  }

  @Test
  void unknownValuesAreWrittenAsJsonNull() {
    Measurement m = new Measurement(List.of(1.0), List.of(1.0), 1, Double.NaN, Double.NaN, Double.POSITIVE_INFINITY);

    assertThat(m.toJson("reference", "tensorflow", new Protocol(1, 1, 1, 1), 1))
        .contains("\"peakRssMiB\":null", "\"firstLoss\":null", "\"lastLoss\":null");
  }
}
