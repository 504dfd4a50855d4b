package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.ModelTraining;
import org.latentlab.testkit.TestBackends;

/**
 * The conditional GAN learns where each class puts its square: samples for class k are brightest in
 * quadrant k, as the data's are, on both backends; its unconditional {@code generate} covers every class.
 */
class ConditionalGanTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 6);
  private static final int LATENT = 16;
  private static final int PER_CLASS = 50;

  /** For each class, the share of its samples brightest in that class's quadrant. */
  private static double[] hitRates(CompiledFunction conditional) {
    double[] rates = new double[GanData.CLASSES];
    for (int k = 0; k < GanData.CLASSES; k++) {
      float[] y = new float[PER_CLASS];
      Arrays.fill(y, k);
      HostTensor x = conditional.apply(Map.of("z", GanData.noise(PER_CLASS, LATENT, 10 + k),
          "y", new HostTensor(y, new int[] {PER_CLASS}))).get("x");
      for (int i = 0; i < PER_CLASS; i++) {
        rates[k] += GanData.brightestQuadrant(GanData.image(x, i)) == k ? 1.0 / PER_CLASS : 0;
      }
    }
    return rates;
  }

  @ParameterizedTest
  @CsvSource({"djl, mlp", "tensorflow, mlp", "djl, conv", "tensorflow, conv"})
  void samplesOfClassKAreBrightestInQuadrantKAndUnconditionalOnesCoverEveryClass(String backend, String architecture) {
    ParameterStore store = new ParameterStore(11);
    Model model = new ConditionalGanProvider().create(new ConditionalGanParameters(architecture, LATENT, 128, 8, null,
        1e-3, null, null, null), new ModelContext(Scope.root(store), GanData.SHAPE));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 11)) {
      CompiledFunction conditional = session.compile(model.functions().get(Model.Functions.GENERATE_CONDITIONAL));
      double[] before = hitRates(conditional);
      // At 300 steps tensorflow's mlp still had class 1 in another quadrant on AMD Zen 5 (oneDNN capped at AVX).
      ModelTraining.train(session, model, DATA, 450, 32, 13);
      double[] after = hitRates(conditional);
      for (int k = 0; k < GanData.CLASSES; k++) {
        assertThat(after[k]).as("class %d: share of samples brightest in its quadrant (untrained: %s)", k,
            Arrays.toString(before)).isGreaterThan(0.8);
      }
      // generate draws classes uniformly in the graph: each quadrant gets about a quarter of the samples.
      HostTensor x = session.compile(model.functions().get(Model.Functions.GENERATE))
          .apply(Map.of("z", GanData.noise(400, LATENT, 3))).get("x");
      int[] counts = new int[GanData.CLASSES];
      for (int i = 0; i < 400; i++) {
        counts[GanData.brightestQuadrant(GanData.image(x, i))]++;
      }
      for (int count : counts) {
        assertThat(count).as("samples per brightest quadrant: %s", Arrays.toString(counts)).isBetween(60, 140);
      }
    }
  }

  @Test
  void dataWithoutClassesIsRefused() {
    ParameterStore store = new ParameterStore(1);
    assertThatThrownBy(() -> new ConditionalGanProvider().create(
        new ConditionalGanParameters(null, null, null, null, null, null, null, null, null),
        new ModelContext(Scope.root(store), new DataShape(1, 8, 8, 1))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("conditional-gan")
        .hasMessageContaining("at least 2 classes");
  }
}
