package org.latentlab.plugins.selfsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentlab.api.data.DataShape;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/** Colorization sees the luminance of its target and learns the colours at a tiny budget on both backends. */
class ColorizationTest {
  private static final int SIDE = 16;
  private static final DataShape RGB = new DataShape(3, SIDE, SIDE, 2);

  /** A red T on blue or a green T on yellow: the shape's size (class) and colours go together. */
  private static ImageSet colourTees(int n, long seed) {
    ImageSet grey = Shapes.tees(n, seed);
    float[][] palette = {{0.9f, 0.1f, 0.1f}, {0.1f, 0.1f, 0.8f}, {0.1f, 0.8f, 0.1f}, {0.9f, 0.9f, 0.2f}};
    float[] px = new float[n * 3 * SIDE * SIDE];
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < n; i++) {
      int pair = random.nextInt(2);
      float[] fg = palette[2 * pair];
      float[] bg = palette[2 * pair + 1];
      for (int p = 0; p < SIDE * SIDE; p++) {
        float v = Math.min(1, grey.pixels()[i * SIDE * SIDE + p]);
        for (int c = 0; c < 3; c++) {
          px[(i * 3 + c) * SIDE * SIDE + p] = bg[c] + v * (fg[c] - bg[c]);
        }
      }
    }
    return new ImageSet(px, grey.labels(), 3, SIDE, SIDE);
  }

  private static Model model(ParameterStore store, String form) {
    return new ColorizationProvider().create(new ColorizationParameters(List.of(8, 16), form, 3, 5e-3),
        new ModelContext(Scope.root(store), RGB));
  }

  @Test
  void theInputIsTheLuminanceOfTheTarget() {
    HostTensor x = colourTees(2, 1).images(new int[] {0, 1});
    try (ComputeSession session = TestBackends.shared("tensorflow").open(new ParameterStore(0), 0)) {
      HostTensor l = session.compile((ops, in) -> Map.of("l", Colorization.luminance(ops, in.get("x"))))
          .apply(Map.of("x", x)).get("l");
      assertThat(l.shape()).containsExactly(2, 1, SIDE, SIDE);
      int plane = SIDE * SIDE;
      for (int i = 0; i < 2; i++) {
        for (int p = 0; p < plane; p++) {
          double expected = 0.299 * x.data()[(i * 3) * plane + p] + 0.587 * x.data()[(i * 3 + 1) * plane + p]
              + 0.114 * x.data()[(i * 3 + 2) * plane + p];
          assertThat((double) l.data()[i * plane + p]).isCloseTo(expected, within(1e-5));
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"djl, regression", "tensorflow, regression", "djl, classification", "tensorflow, classification"})
  void theColoursAreLearnedAtATinyBudget(String backend, String form) {
    ParameterStore store = new ParameterStore(6);
    Model model = model(store, form);
    ImageSet data = colourTees(256, 2);
    try (ComputeSession session = TestBackends.shared(backend).open(store, 6)) {
      HostTensor test = colourTees(32, 8).images(IntStream.range(0, 32).toArray());
      var scores = session.compile(model.functions().get(Model.Functions.PRETEXT_SCORES));
      double before = mean(scores.apply(Map.of("x", test)).get("colour-error"));
      List<Map<String, Float>> losses = Shapes.train(session, model, data, 80, 32);
      double after = mean(scores.apply(Map.of("x", test)).get("colour-error"));
      assertThat(Shapes.mean(losses, "loss", 70, 80)).as("loss, last 10 steps").isLessThan(Shapes.mean(losses, "loss", 0, 5));
      assertThat(after).as("colour error of new images, before training %s", before).isLessThan(0.5 * before)
          .isLessThan(0.12);
      assertThat(session.compile(model.functions().get(Model.Functions.ENCODE)).apply(Map.of("x", test)).get("z").shape())
          .containsExactly(32, 16);
    }
  }

  private static double mean(HostTensor t) {
    double s = 0;
    for (float v : t.data()) {
      s += v / t.data().length;
    }
    return s;
  }

  @Test
  void greyImagesAndBadParametersAreRefusedByName() {
    assertThatThrownBy(() -> new ColorizationProvider().create(new ColorizationParameters(null, null, null, null),
        new ModelContext(Scope.root(new ParameterStore(0)), new DataShape(1, 28, 28, 10))))
        .hasMessageContaining("colorization").hasMessageContaining("RGB").hasMessageContaining("colour-digits");
    Problems problems = new Problems();
    new ColorizationParameters(List.of(0), "lab", 1, 0.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("channels", "form", "levels",
        "learningRate");
  }
}
