package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.api.train.Trainer;
import org.latentlab.testkit.TestBackends;

/** The generator's moving average follows its formula step by step, and samples are drawn from it. */
class GeneratorAverageTest {
  private static final ImageSet DATA = GanData.quadrantSquares(64, 3);
  private static final String WEIGHT = "generator/deconv2/weight";
  private static final String AVERAGE = "generator-average/deconv2/weight";

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void theAverageMovesTowardsTheWeightsTheGeneratorStepReads(String backend) {
    ParameterStore store = new ParameterStore(4);
    float decay = 0.5f;
    Model model = new DcganProvider().create(new DcganParameters(8, 4, null, 1e-2, null, null, (double) decay),
        new ModelContext(Scope.root(store), GanData.SHAPE));
    assertThat(store.get(AVERAGE).initialValue().data()).containsExactly(store.get(WEIGHT).initialValue().data());
    try (ComputeSession session = TestBackends.shared(backend).open(store, 4)) {
      Trainer trainer = session.trainer(model.program());
      Map<String, HostTensor> batch = Map.of("x", DATA.images(range(32)), "y", DATA.labelTensor(range(32)));
      for (int t = 0; t < 4; t++) {
        trainer.step(AdversarialProgram.DISCRIMINATOR, batch);
        Map<String, HostTensor> before = session.readState();
        trainer.step(AdversarialProgram.GENERATOR, batch);
        Map<String, HostTensor> after = session.readState();
        float d = Math.min(decay, (1f + t) / (10f + t));
        float[] w = before.get(WEIGHT).data();
        float[] avg = before.get(AVERAGE).data();
        float[] expected = new float[w.length];
        for (int i = 0; i < w.length; i++) {
          expected[i] = w[i] + d * (avg[i] - w[i]);
        }
        assertThat(after.get(AVERAGE).data()).as("average after generator step %d", t + 1)
            .usingComparatorWithPrecision(1e-6f).containsExactly(expected);
        assertThat(after.get(WEIGHT).data()).as("the optimizer moved the weights").isNotEqualTo(w);
      }
      HostTensor z = GanData.noise(4, 8, 1);
      HostTensor averaged = session.compile(model.functions().get(Model.Functions.GENERATE)).apply(Map.of("z", z))
          .get("x");
      Map<String, HostTensor> state = new java.util.HashMap<>(session.readState());
      state.put(AVERAGE, state.get(WEIGHT));
      session.writeState(state);
      HostTensor withTrainedLastLayer = session.compile(model.functions().get(Model.Functions.GENERATE))
          .apply(Map.of("z", z)).get("x");
      assertThat(withTrainedLastLayer.data()).as("samples read the averaged weights").isNotEqualTo(averaged.data());
    }
  }

  private static int[] range(int n) {
    return java.util.stream.IntStream.range(0, n).toArray();
  }
}
