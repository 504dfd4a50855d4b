package org.latentlab.plugins.selfsupervised;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.ImageAugmentation;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

/** Contrastive learning pairs each view with its partner, and learns at a tiny budget on both backends. */
class ContrastiveTest {
  private static final ImageSet DATA = Shapes.tees(256, 7);

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void ntXentHasItsClosedFormAndPicksThePartner(String backend) {
    // Four views in 2-D: 0 and 2 (partners) point one way, 1 and 3 (partners) the other.
    HostTensor first = new HostTensor(new float[] {1, 0, 0, 1}, new int[] {2, 2});
    HostTensor second = new HostTensor(new float[] {2, 0, 0, 3}, new int[] {2, 2});
    try (ComputeSession session = TestBackends.shared(backend).open(new ParameterStore(0), 0)) {
      Map<String, HostTensor> out = session.compile((ops, in) -> {
        var logits = NtXent.logits(ops, in.get("a"), in.get("b"), 0.5f);
        return Map.of("loss", NtXent.loss(ops, logits), "accuracy", NtXent.accuracy(ops, logits));
      }).apply(Map.of("a", first, "b", second));
      // Each view: partner similarity 1/0.5 = 2, the two others 0: loss -log(e^2 / (e^2 + 2)).
      assertThat((double) out.get("loss").data()[0]).isCloseTo(-Math.log(Math.exp(2) / (Math.exp(2) + 2)), within(1e-4));
      assertThat(out.get("accuracy").data()[0]).isEqualTo(1f);
    }
    assertThat(NtXent.partners(3).data()).containsExactly(3, 4, 5, 0, 1, 2);
  }

  @Test
  void theTwoViewsAreDifferentDrawsOfTheSameImagesAndReproducible() {
    Model model = new ContrastiveProvider().create(new ContrastiveParameters(List.of(4), null, null, null, null, null),
        new ModelContext(Scope.root(new ParameterStore(0)), Shapes.SHAPE));
    HostTensor x = DATA.images(new int[] {0, 1, 2, 3});
    Map<String, HostTensor> a = model.prepareBatch(ContrastiveLearning.STEP, Map.of("x", x), new SplittableRandom(3));
    Map<String, HostTensor> b = model.prepareBatch(ContrastiveLearning.STEP, Map.of("x", x), new SplittableRandom(3));
    assertThat(a.get("view-1").data()).containsExactly(b.get("view-1").data());
    assertThat(a.get("view-1").data()).isNotEqualTo(a.get("view-2").data());
    assertThat(a.get("view-1").shape()).containsExactly(x.shape());
    // Without augmentation a view is the image itself: the partner of view i is image i.
    HostTensor same = new ImageAugmentation(0, 0, 0, 0, 0).apply(x, new SplittableRandom(1));
    assertThat(same.data()).containsExactly(x.data());
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void viewsLearnToFindTheirPartnersAtATinyBudget(String backend) {
    ParameterStore store = new ParameterStore(2);
    Model model = new ContrastiveProvider().create(new ContrastiveParameters(List.of(8, 16), 0.5, 32, 16,
        new ImageAugmentation(0, 2, 0, 0, 0.05), 3e-3), new ModelContext(Scope.root(store), Shapes.SHAPE));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 2)) {
      List<Map<String, Float>> losses = Shapes.train(session, model, DATA, 100, 32);
      double early = Shapes.mean(losses, "loss", 0, 5);
      double late = Shapes.mean(losses, "loss", 90, 100);
      assertThat(early).as("NT-Xent at the start, near log 63 = 4.14").isGreaterThan(3.5);
      assertThat(late).as("NT-Xent in the last 10 steps, from %s", early).isLessThan(early - 0.6);
      assertThat(Shapes.mean(losses, "accuracy", 90, 100)).as("partner found, last 10 steps (chance 1/63)")
          .isGreaterThan(3.0 / 63);
    }
  }

  @Test
  void badParametersAreRefusedByName() {
    Problems problems = new Problems();
    new ContrastiveParameters(List.of(0), 0.0, 0, 0, new ImageAugmentation(0, 0, 0, 0, 0), -1.0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("channels", "temperature",
        "projectionHidden", "projectionSize", "augmentation", "learningRate");
  }
}
