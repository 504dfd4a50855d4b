package org.latentlab.experiments.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worker line contract between the reference loops (hand-written JSON) and the launcher. */
class BenchResultJsonTest {
  /** A line exactly as {@code org.latentlab.bench.Measurement#toJson} writes it. */
  private static final String REFERENCE_LINE = "{\"case\":\"reference\",\"backend\":\"djl\",\"batch\":128,"
      + "\"stepsPerRun\":30,\"threads\":2,\"imagesPerSecondRuns\":[1000.0,3000.0,2000.0],"
      + "\"imagesPerSecond\":2000.0,\"stepMillis\":64.0,\"startupMillis\":1534,\"peakRssMiB\":null,"
      + "\"firstLoss\":0.69,\"lastLoss\":1.0E-5}";

  private final ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  @Test
  void readsAReferenceLoopLine() throws Exception {
    BenchResult r = json.readValue(REFERENCE_LINE, BenchResult.class);

    assertThat(r.caseName()).isEqualTo("reference");
    assertThat(r.imagesPerSecondRuns()).containsExactly(1000.0, 3000.0, 2000.0);
    assertThat(r.imagesPerSecond()).isEqualTo(2000.0);
    assertThat(r.startupMillis()).isEqualTo(1534);
    assertThat(r.peakRssMiB()).isNull();
    assertThat(r.lastLoss()).isEqualTo(1.0e-5);
  }

  @Test
  void writesTheSameFieldsInTheSameOrder() throws Exception {
    BenchResult r = new BenchResult("framework", "tensorflow", 128, 30, 2, List.of(4000.0), 4000.0, 32.0, 2100,
        512.5, 0.69, 0.3);

    assertThat(json.writeValueAsString(r)).isEqualTo("{\"case\":\"framework\",\"backend\":\"tensorflow\",\"batch\":128,"
        + "\"stepsPerRun\":30,\"threads\":2,\"imagesPerSecondRuns\":[4000.0],\"imagesPerSecond\":4000.0,"
        + "\"stepMillis\":32.0,\"startupMillis\":2100,\"peakRssMiB\":512.5,\"firstLoss\":0.69,\"lastLoss\":0.3}");
  }

  @Test
  void aLineWithoutAFieldIsRefused() {
    String withoutSpeed = REFERENCE_LINE.replace("\"imagesPerSecond\":2000.0,", "");

    assertThatThrownBy(() -> json.readValue(withoutSpeed, BenchResult.class))
        .isInstanceOf(MismatchedInputException.class).hasMessageContaining("imagesPerSecond");
  }
}
