package org.latentlab.plugins.adversarial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.latentlab.api.spi.EvaluatorProvider;
import org.latentlab.api.spi.ModelProvider;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/** Defaults, validation messages that name the field, and discovery of the providers. */
class ParametersTest {

  private static List<String> fields(Parameters p) {
    Problems problems = new Problems();
    p.validate(problems);
    return problems.all().stream().map(Problems.Problem::field).toList();
  }

  private static String message(Parameters p) {
    Problems problems = new Problems();
    p.validate(problems);
    return problems.all().get(0).message();
  }

  @Test
  void absentFieldsGetTheDocumentedDefaultsWhichAreValid() {
    List<Parameters> defaults = List.of(
        new ClassifierParameters(null, null, null),
        new FgsmTrainingParameters(null, null, null, null, null),
        new PgdTrainingParameters(null, null, null, null, null, null, null, null),
        new DannParameters(null, null, null, null, null, null, null),
        new CensoredRepresentationParameters(null, null, null, null, null, null, null, null, null),
        new AdversarialRobustnessParameters(null, null, null, null, null, null, null, null, null, null),
        new AttributeProbeParameters(null, null, null, null, null, null, null));
    assertThat(defaults).allSatisfy(p -> assertThat(fields(p)).isEmpty());
    assertThat(defaults.get(0)).isEqualTo(new ClassifierParameters(32, 128, 1e-3));
    assertThat(defaults.get(1)).isEqualTo(new FgsmTrainingParameters(32, 128, 1e-3, 0.1, 0.5));
    assertThat(defaults.get(2)).isEqualTo(new PgdTrainingParameters(32, 128, 1e-3, 0.1, 10, 2.5, true, 0.0));
    assertThat(defaults.get(3)).isEqualTo(new DannParameters(32, 128, 1e-3, 1.0, "ganin", 128, 1));
    assertThat(defaults.get(4)).isEqualTo(new CensoredRepresentationParameters(32, 128, 1e-3,
        "background-luminance", 0.5, 3.0, 128, 5, "confusion"));
    assertThat(defaults.get(5)).isEqualTo(new AdversarialRobustnessParameters(List.of(0.02, 0.05, 0.1, 0.15, 0.2, 0.3),
        List.of("fgsm", "pgd"), 20, 2.5, true, 2000, 500, 8, 0.1, "classify"));
    assertThat(defaults.get(6)).isEqualTo(new AttributeProbeParameters("background-luminance", 0.5, 128, 30, 128, 1e-3,
        List.of("raw-pixels")));
  }

  @Test
  void everyBadValueIsReportedNamingItsField() {
    assertThat(fields(new ClassifierParameters(0, -1, 0.0))).containsExactly("channels", "latentDim", "learningRate");
    assertThat(fields(new FgsmTrainingParameters(null, null, null, 0.0, 1.0))).containsExactly("epsilon", "cleanWeight");
    assertThat(fields(new PgdTrainingParameters(null, null, null, 1.5, 0, -2.5, null, -0.1)))
        .containsExactly("epsilon", "steps", "relativeStepSize", "cleanWeight");
    assertThat(fields(new DannParameters(null, null, 20.0, -1.0, "linear", 0, -1)))
        .containsExactly("learningRate", "domainWeight", "schedule", "domainHidden", "domainSteps");
    assertThat(fields(new CensoredRepresentationParameters(null, null, null, " ", Double.NaN, Double.POSITIVE_INFINITY,
        0, -1, "blind"))).containsExactly("attribute", "threshold", "adversaryWeight", "adversaryHidden", "adversarySteps",
        "censoring");
    assertThat(message(new CensoredRepresentationParameters(null, null, null, null, null, null, null, 0, "confusion")))
        .isEqualTo("adversarySteps must be >= 1 with censoring: confusion (the adversary learns only in its own steps)"
            + " (was 0)");
    assertThat(fields(new AdversarialRobustnessParameters(List.of(0.1, 2.0), List.of("cw"), 0, 0.0, null, 0, 0, -1,
        0.3, "probe"))).containsExactly("epsilons", "attacks", "pgdSteps", "relativeStepSize", "images", "batchSize",
        "examples", "exampleEpsilon", "classifier");
    assertThat(fields(new AttributeProbeParameters("", null, -1, 0, 0, 0.0, List.of("random-encoder"))))
        .containsExactly("attribute", "hidden", "epochs", "batchSize", "learningRate", "baselines");
  }

  @Test
  void messagesSayWhatIsAllowedAndWhatWasGiven() {
    assertThat(message(new FgsmTrainingParameters(null, null, null, 1.2, null)))
        .isEqualTo("epsilon must be in (0, 1] (was 1.2)");
    assertThat(message(new DannParameters(null, null, null, null, "linear", null, null)))
        .isEqualTo("schedule must be one of [ganin, constant] (was linear)");
    assertThat(message(new AdversarialRobustnessParameters(null, List.of("cw"), null, null, null, null, null, null,
        null, null))).isEqualTo("attacks must be a non-empty list of [fgsm, pgd] (was [cw])");
    assertThat(message(new AdversarialRobustnessParameters(List.of(0.2), null, null, null, null, null, null, null,
        null, null))).isEqualTo("exampleEpsilon must be one of the epsilons [0.2] (was 0.1)");
  }

  @Test
  void ganinsScheduleRisesFromZeroToTheWeight() {
    DannParameters p = new DannParameters(null, null, null, 2.0, null, null, null);
    assertThat(p.lambda(0)).isZero();
    assertThat(p.lambda(1)).isCloseTo(2.0 * (2 / (1 + Math.exp(-10)) - 1), within(1e-12));
    assertThat(p.lambda(0.1)).isBetween(0.9, 1.0);
    assertThat(new DannParameters(null, null, null, 2.0, "constant", null, null).lambda(0.1)).isEqualTo(2.0);
  }

  @Test
  @SuppressWarnings("rawtypes")
  void providersAreFoundWithServiceLoaderUnderTheirIds() {
    String pkg = CnnClassifierProvider.class.getPackageName();
    List<String> models = StreamSupport.stream(ServiceLoader.load(ModelProvider.class).spliterator(), false)
        .filter(p -> p.getClass().getPackageName().equals(pkg)).map(p -> p.id()).toList();
    assertThat(models).containsExactly("cnn-classifier", "fgsm-training", "pgd-training", "dann",
        "censored-representation");
    List<String> evaluators = StreamSupport.stream(ServiceLoader.load(EvaluatorProvider.class).spliterator(), false)
        .filter(p -> p.getClass().getPackageName().equals(pkg)).map(p -> p.id()).toList();
    assertThat(evaluators).containsExactly("adversarial-robustness", "attribute-probe");
  }
}
