package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
 * The MLP GAN learns at a tiny budget on both backends with either generator loss. What is checked is the
 * samples' mean image, not their diversity: at this budget the samples of this toy set often collapse to
 * one or two of its four modes.
 */
class GanTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 1);

  @ParameterizedTest
  @CsvSource({"djl, non-saturating", "tensorflow, non-saturating", "djl, minimax", "tensorflow, minimax"})
  void ganMovesItsSamplesTowardsTheDataAndItsDiscriminatorLearns(String backend, String generatorLoss) {
    ParameterStore store = new ParameterStore(7);
    Model model = new GanProvider().create(new GanParameters(16, 64, generatorLoss, 1e-3, null, null),
        new ModelContext(Scope.root(store), GanData.SHAPE));
    float[] dataMean = GanData.meanImage(DATA.images(IntStream.range(0, DATA.size()).toArray()));
    HostTensor z = GanData.noise(256, 16, 3);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 7)) {
      CompiledFunction generate = session.compile(model.functions().get(Model.Functions.GENERATE));
      HostTensor first = generate.apply(Map.of("z", z)).get("x");
      assertThat(first.shape()).containsExactly(256, 1, GanData.SIDE, GanData.SIDE);
      double before = GanData.meanSquaredDistance(GanData.meanImage(first), dataMean);
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 150, 32, 13);
      double after = GanData.meanSquaredDistance(GanData.meanImage(generate.apply(Map.of("z", z)).get("x")), dataMean);
      assertThat(after).as("distance of the samples' mean image to the data's, before %s", before)
          .isLessThan(0.5 * before);
      List<Map<String, Float>> d = losses.get(AdversarialProgram.DISCRIMINATOR);
      double lateAccuracy = d.subList(d.size() - 20, d.size()).stream().mapToDouble(l -> l.get("accuracy")).average()
          .orElseThrow();
      assertThat(lateAccuracy).as("discriminator accuracy over the last 20 steps (first: %s)", d.get(0).get("accuracy"))
          .isGreaterThan(0.6);
      assertThat(losses.get(AdversarialProgram.GENERATOR)).hasSize(150)
          .allSatisfy(l -> assertThat(l).containsKey("d-fake"));
    }
  }
}
