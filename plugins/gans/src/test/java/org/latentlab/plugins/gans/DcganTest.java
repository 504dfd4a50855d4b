package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

/** The DCGAN learns at a tiny budget on both backends and fits odd image sides. */
class DcganTest {
  private static final ImageSet DATA = GanData.quadrantSquares(256, 4);

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void dcganMovesItsSamplesTowardsTheDataAndItsDiscriminatorLearns(String backend) {
    ParameterStore store = new ParameterStore(9);
    Model model = new DcganProvider().create(new DcganParameters(16, 8, null, 1e-3, null, null, null),
        new ModelContext(Scope.root(store), GanData.SHAPE));
    float[] dataMean = GanData.meanImage(DATA.images(IntStream.range(0, DATA.size()).toArray()));
    HostTensor z = GanData.noise(256, 16, 5);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 9)) {
      CompiledFunction generate = session.compile(model.functions().get(Model.Functions.GENERATE));
      double before = GanData.meanSquaredDistance(GanData.meanImage(generate.apply(Map.of("z", z)).get("x")), dataMean);
      Map<String, List<Map<String, Float>>> losses = ModelTraining.train(session, model, DATA, 100, 32, 13);
      double after = GanData.meanSquaredDistance(GanData.meanImage(generate.apply(Map.of("z", z)).get("x")), dataMean);
      List<Map<String, Float>> d = losses.get(AdversarialProgram.DISCRIMINATOR);
      double lateAccuracy = d.subList(d.size() - 20, d.size()).stream().mapToDouble(l -> l.get("accuracy")).average()
          .orElseThrow();
      assertThat(after).as("distance of the samples' mean image to the data's, before %s", before)
          .isLessThan(0.5 * before);
      assertThat(lateAccuracy).as("discriminator accuracy over the last 20 steps").isGreaterThan(0.6);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {28, 7})
  void generatorMirrorsTheDiscriminatorsHalvingsForEvenAndOddSides(int side) {
    ParameterStore store = new ParameterStore(1);
    Model model = new DcganProvider().create(new DcganParameters(8, 4, null, null, null, null, null),
        new ModelContext(Scope.root(store), new DataShape(1, side, side, 10)));
    try (ComputeSession session = TestBackends.shared("tensorflow").open(store, 1)) {
      HostTensor x = session.compile(model.functions().get(Model.Functions.GENERATE))
          .apply(Map.of("z", GanData.noise(3, 8, 1))).get("x");
      assertThat(x.shape()).containsExactly(3, 1, side, side);
      for (float v : x.data()) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void nonSquareImagesAreRefusedNamingTheirSize() {
    ParameterStore store = new ParameterStore(1);
    assertThatThrownBy(() -> new DcganProvider().create(new DcganParameters(null, null, null, null, null, null, null),
        new ModelContext(Scope.root(store), new DataShape(1, 28, 20, 10))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dcgan").hasMessageContaining("28x20");
  }
}
