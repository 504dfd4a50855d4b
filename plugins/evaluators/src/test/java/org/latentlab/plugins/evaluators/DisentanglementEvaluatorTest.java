package org.latentlab.plugins.evaluators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.Model;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.CompiledFunction;
import org.latentlab.testkit.EvaluationContexts;
import org.junit.jupiter.api.Test;

class DisentanglementEvaluatorTest {

  /** Code = pixels 0, 1 (the factors) and 2 (noise). */
  private static final CompiledFunction ENCODE = inputs -> {
    HostTensor x = inputs.get("x");
    int n = x.shape()[0];
    float[] z = new float[n * 3];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x.data(), i * 4, z, i * 3, 3);
    }
    return Map.of("z", new HostTensor(z, new int[] {n, 3}));
  };

  /** Image = the code's three values and a black pixel. */
  private static final CompiledFunction DECODE = inputs -> {
    HostTensor z = inputs.get("z");
    int n = z.shape()[0];
    float[] x = new float[n * 4];
    for (int i = 0; i < n; i++) {
      System.arraycopy(z.data(), i * 3, x, i * 4, 3);
    }
    return Map.of("x", new HostTensor(x, new int[] {n, 1, 2, 2}));
  };

  @Test
  void aCodeHoldingEachFactorInOneUnitIsDisentangled() throws Exception {
    ImageSet test = SyntheticData.factorImages(4000, 2);
    Dataset data = new Dataset("factors", SyntheticData.factorImages(100, 1), test, List.of("0", "1", "2", "3", "4"),
        List.of());
    Evaluation e = new DisentanglementEvaluator(new DisentanglementParameters(null, 2000, 1000, null, null, 7, null))
        .evaluate(EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, ENCODE, Model.Functions.DECODE, DECODE), 4));
    assertThat(e.metrics().get("disentanglement/mig")).isGreaterThan(0.95);
    assertThat(e.metrics().get("disentanglement/factorvae")).isEqualTo(1.0);
    assertThat(e.tables()).hasSize(2);
    assertThat(e.tables().get(1).rows()).extracting(r -> r.get(3)).containsExactly("z0", "z1");
    assertThat(e.figures()).singleElement().satisfies(g -> {
      assertThat(g.images().shape()).containsExactly(21, 1, 2, 2);
      assertThat(g.columns()).isEqualTo(7);
    });
  }

  @Test
  void dataWithoutFactorsIsRefusedNamingTheDataSet() {
    Dataset data = SyntheticData.dataset(3, 20, 20);
    assertThatThrownBy(() -> new DisentanglementEvaluator(new DisentanglementParameters(null, null, null, null, null,
        null, null)).evaluate(EvaluationContexts.of(data, Map.of(Model.Functions.ENCODE, ENCODE), 0)))
        .hasMessageContaining("'synthetic'").hasMessageContaining("no generative factors").hasMessageContaining("shapes");
  }
}
