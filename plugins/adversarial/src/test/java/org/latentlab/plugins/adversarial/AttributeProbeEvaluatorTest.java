package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.TestBackends;

/**
 * Fresh probes find an attribute that a code holds and do no better than chance on one it lacks, while the label
 * stays readable; checked with hand-made "encoders" over the toy coloured squares, probes trained on djl.
 */
class AttributeProbeEvaluatorTest {
  private static final ImageSet TRAIN = ToyData.images(400, 1, 3, true);
  private static final ImageSet TEST = ToyData.images(200, 2, 3, true);
  private static final Dataset DATA = new Dataset("toy", TRAIN, TEST, List.of("a", "b", "c", "d"), List.of());
  private static final AttributeProbeParameters PARAMETERS =
      new AttributeProbeParameters(null, null, 16, 20, 32, 1e-2, List.of());

  /** A code per image: its label one-hot, and with {@code leak} also its background colour (3 values). */
  private static CompiledFunction encoder(boolean leak) {
    return in -> {
      HostTensor x = in.get("x");
      int n = x.shape()[0];
      int per = x.rowSize();
      int plane = per / 3;
      float[] z = new float[n * 7];
      for (int i = 0; i < n; i++) {
        int label = quadrant(x.data(), i * per, plane);
        z[i * 7 + label] = 1;
        for (int c = 0; c < 3 && leak; c++) {
          z[i * 7 + 4 + c] = x.data()[i * per + c * plane]; // a corner pixel: the background colour
        }
      }
      return Map.of("z", new HostTensor(z, new int[] {n, 7}));
    };
  }

  /** The quadrant whose pixels differ most from the image's corner (its background). */
  private static int quadrant(float[] pixels, int offset, int plane) {
    double[] score = new double[4];
    int side = ToyData.SIDE;
    for (int c = 0; c < 3; c++) {
      float corner = pixels[offset + c * plane];
      for (int p = 0; p < plane; p++) {
        int q = (p / side) / (side / 2) * 2 + (p % side) / (side / 2);
        score[q] += Math.abs(pixels[offset + c * plane + p] - corner);
      }
    }
    int best = 0;
    for (int q = 1; q < 4; q++) {
      best = score[q] > score[best] ? q : best;
    }
    return best;
  }

  private static Map<String, Double> evaluate(boolean leak) {
    Evaluation result = new AttributeProbeEvaluator(PARAMETERS).evaluate(EvaluationContexts.of(DATA,
        Map.of(Model.Functions.ENCODE, encoder(leak)), 3, TestBackends.shared("djl")));
    assertThat(result.tables().get(0).rows()).hasSize(1);
    return result.metrics();
  }

  @Test
  void aCodeHoldingTheBackgroundGivesTheAttributeAway() {
    Map<String, Double> m = evaluate(true);
    assertThat(m.get("attribute-probe/attribute/accuracy")).isGreaterThan(0.9);
    assertThat(m.get("attribute-probe/label/accuracy")).isGreaterThan(0.95);
  }

  @Test
  void aCodeWithoutItLeavesTheProbeAtChance() {
    Map<String, Double> m = evaluate(false);
    double chance = SensitiveAttribute.majorityShare(new SensitiveAttribute("background-luminance", 0.5).values(TEST));
    assertThat(m.get("attribute-probe/attribute/chance")).isEqualTo(chance);
    assertThat(m.get("attribute-probe/attribute/accuracy")).isLessThan(chance + 0.1);
    assertThat(m.get("attribute-probe/attribute/above-chance"))
        .isCloseTo(m.get("attribute-probe/attribute/accuracy") - chance, within(1e-12));
    assertThat(m.get("attribute-probe/label/accuracy")).isGreaterThan(0.95);
  }

  @Test
  void dataWithoutTheFactorsIsRefusedNamingTheAttribute() {
    ImageSet grey = ToyData.squares(8, 1);
    ImageSet plain = new ImageSet(grey.pixels(), grey.labels(), 1, ToyData.SIDE, ToyData.SIDE);
    Dataset data = new Dataset("plain", plain, plain, List.of("a", "b", "c", "d"), List.of());
    assertThatThrownBy(() -> new AttributeProbeEvaluator(PARAMETERS).evaluate(EvaluationContexts.of(data,
        Map.of(Model.Functions.ENCODE, encoder(false)), 3, TestBackends.shared("djl"))))
        .hasMessageStartingWith("attribute-probe: attribute 'background-luminance' needs the factors");
  }
}
