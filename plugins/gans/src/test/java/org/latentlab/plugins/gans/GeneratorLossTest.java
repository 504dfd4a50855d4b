package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/** Both generator losses give the paper's values, finite even for logits far beyond float's sigmoid range. */
class GeneratorLossTest {
  private static final float[] LOGITS = {-120f, -3f, 0f, 0.5f, 4f, 120f};

  private static double softplus(double x) {
    return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
  }

  private static float evaluate(String backend, GeneratorLoss loss) {
    try (ComputeSession session = TestBackends.shared(backend).open(new ParameterStore(0), 0)) {
      return session.compile((ops, in) -> Map.of("loss", loss.apply(ops, in.get("l"))))
          .apply(Map.of("l", HostTensor.of(new int[] {LOGITS.length, 1}, LOGITS))).get("loss").item();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void minimaxIsTheMeanOfLogOneMinusD(String backend) {
    double expected = 0;
    for (float l : LOGITS) {
      expected += -softplus(l) / LOGITS.length; // log(1 - sigmoid(l))
    }
    assertThat((double) evaluate(backend, GeneratorLoss.MINIMAX)).isCloseTo(expected, within(1e-4));
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void nonSaturatingIsMinusTheMeanOfLogD(String backend) {
    double expected = 0;
    for (float l : LOGITS) {
      expected += softplus(-l) / LOGITS.length; // -log(sigmoid(l))
    }
    assertThat((double) evaluate(backend, GeneratorLoss.NON_SATURATING)).isCloseTo(expected, within(1e-4));
  }
}
