package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.data.Dataset;
import org.latentlab.api.data.ImageSet;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Chart;
import org.latentlab.api.spi.Evaluation;
import org.latentlab.api.spi.ImageGrid;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.EvaluationContexts;
import org.latentlab.testkit.ModelTraining;
import org.latentlab.testkit.TestBackends;

/**
 * The robustness evaluator on a classifier trained on the toy classes, on both backends: clean accuracy is the
 * classifier's, attacks lower it, PGD at least as much as FGSM at a large radius, and the report gets its table,
 * curve and example figures.
 */
class AdversarialRobustnessEvaluatorTest {
  private static final ImageSet TRAIN = ToyData.squares(256, 1);
  private static final Dataset DATA = new Dataset("toy", TRAIN, ToyData.squares(96, 2), List.of("a", "b", "c", "d"),
      List.of());

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void attacksLowerTheAccuracyOfATrainedClassifier(String backend) throws Exception {
    ParameterStore store = new ParameterStore(12);
    Model model = new CnnClassifierProvider().create(new ClassifierParameters(8, 16, 3e-3),
        new ModelContext(Scope.root(store), ToyData.shape(1), TRAIN, 12));
    try (ComputeSession session = TestBackends.shared(backend).open(store, 12)) {
      ModelTraining.train(session, model, TRAIN, 40, 32, 12);
      double trained = Trained.accuracy(session, model, DATA.test());
      AdversarialRobustnessParameters p = new AdversarialRobustnessParameters(List.of(0.05, 0.4), null, 5, null, null,
          64, 32, 4, 0.4, null);
      Evaluation result = new AdversarialRobustnessEvaluator(p)
          .evaluate(EvaluationContexts.ofModel(DATA, model, session, 1, TestBackends.shared(backend)));
      Map<String, Double> m = result.metrics();
      assertThat(m).containsOnlyKeys("adversarial-robustness/clean/accuracy",
          "adversarial-robustness/fgsm/eps-0.05/accuracy", "adversarial-robustness/fgsm/eps-0.4/accuracy",
          "adversarial-robustness/pgd/eps-0.05/accuracy", "adversarial-robustness/pgd/eps-0.4/accuracy");
      double clean = m.get("adversarial-robustness/clean/accuracy");
      assertThat(clean).isGreaterThan(0.9);
      assertThat(Math.abs(clean - trained)).as("first 64 of the test images").isLessThan(0.1);
      assertThat(m.get("adversarial-robustness/fgsm/eps-0.4/accuracy")).isLessThan(clean - 0.3);
      assertThat(m.get("adversarial-robustness/pgd/eps-0.4/accuracy"))
          .isLessThanOrEqualTo(m.get("adversarial-robustness/fgsm/eps-0.4/accuracy"));
      assertThat(m.get("adversarial-robustness/pgd/eps-0.05/accuracy"))
          .isGreaterThan(m.get("adversarial-robustness/pgd/eps-0.4/accuracy"));

      assertThat(result.tables().get(0).rows()).hasSize(4);
      Chart curve = result.charts().get(0);
      assertThat(curve.series()).extracting(Chart.Series::name).containsExactly("fgsm", "pgd");
      assertThat(curve.series().get(1).x()).containsExactly(0, 0.05, 0.4);
      assertThat(result.figures()).extracting(ImageGrid::name).containsExactly("fgsm-examples", "pgd-examples");
      ImageGrid grid = result.figures().get(1);
      assertThat(grid.images().shape()).containsExactly(12, 1, ToyData.SIDE, ToyData.SIDE);
      assertThat(grid.columns()).isEqualTo(4);
    }
  }

  @Test
  void aLinearProbeOnTheFrozenCodeIsAttackedThroughTheEncoder() throws Exception {
    ParameterStore store = new ParameterStore(13);
    Model model = new CnnClassifierProvider().create(new ClassifierParameters(8, 16, 3e-3),
        new ModelContext(Scope.root(store), ToyData.shape(1), TRAIN, 13));
    try (ComputeSession session = TestBackends.shared("djl").open(store, 13)) {
      ModelTraining.train(session, model, TRAIN, 40, 32, 13);
      AdversarialRobustnessParameters p = new AdversarialRobustnessParameters(List.of(0.4), List.of("pgd"), 5, null,
          null, 64, 32, 0, 0.4, "linear-probe");
      Evaluation result = new AdversarialRobustnessEvaluator(p)
          .evaluate(EvaluationContexts.ofModel(DATA, model, session, 1, TestBackends.shared("djl")));
      double clean = result.metrics().get("adversarial-robustness/clean/accuracy");
      assertThat(clean).as("the probe on the trained code").isGreaterThan(0.9);
      assertThat(result.metrics().get("adversarial-robustness/pgd/eps-0.4/accuracy")).isLessThan(clean - 0.3);
      assertThat(result.tables().get(0).note()).startsWith("A linear probe on the model's frozen code (fitted on 256");
      assertThat(result.figures()).isEmpty();
    }
  }

  @Test
  void aContextWithoutALiveModelIsRefusedWithTheReason() {
    AdversarialRobustnessEvaluator evaluator = new AdversarialRobustnessEvaluator(
        new AdversarialRobustnessParameters(null, null, null, null, null, null, null, null, null, null));
    assertThatThrownBy(() -> evaluator.evaluate(EvaluationContexts.of(DATA, Map.of(), 1)))
        .hasMessageContaining("the model offers no 'classify' function");
    assertThatThrownBy(() -> evaluator.evaluate(EvaluationContexts.of(DATA,
        Map.of(Model.Functions.CLASSIFY, in -> Map.of()), 1)))
        .hasMessageContaining("cannot take gradients through the model");
  }
}
