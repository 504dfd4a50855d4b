package org.latentlab.plugins.gans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
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
    GanParameters gan = new GanParameters(null, null, null, null, null, null);
    assertThat(gan).isEqualTo(new GanParameters(64, 256, "non-saturating", 2e-4, 0.5, 1));
    DcganParameters dcgan = new DcganParameters(null, null, null, null, null, null, null);
    assertThat(dcgan).isEqualTo(new DcganParameters(64, 64, "non-saturating", 2e-4, 0.5, 1, 0.999));
    ConditionalGanParameters cgan = new ConditionalGanParameters(null, null, null, null, null, null, null, null, null);
    assertThat(cgan).isEqualTo(new ConditionalGanParameters("mlp", 64, 256, 64, "non-saturating", 2e-4, 0.5, 1,
        0.999));
    assertThat(fields(gan)).isEmpty();
    assertThat(fields(dcgan)).isEmpty();
    assertThat(fields(cgan)).isEmpty();
    InfoGanParameters infogan = new InfoGanParameters(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    assertThat(infogan).isEqualTo(
        new InfoGanParameters(62, 10, 2, 1.0, 1.0, 64, false, 128, "non-saturating", 2e-4, 0.5, 1, 0.0, 1.0, 0.0, 0.0, null, null));
    assertThat(fields(infogan)).isEmpty();
    WganGpParameters wgan = new WganGpParameters(null, null, null, null, null, null, null);
    assertThat(wgan).isEqualTo(new WganGpParameters(64, 64, 10.0, 5, 1e-4, 0.5, 0.9));
    StyleGanParameters style = new StyleGanParameters(null, null, null, null, null, null, null, null);
    assertThat(style).isEqualTo(new StyleGanParameters(64, 4, 64, 0.9, "non-saturating", 2e-4, 0.5, 1));
    assertThat(fields(wgan)).isEmpty();
    assertThat(fields(style)).isEmpty();
  }

  @Test
  void everyBadValueIsReportedNamingItsField() {
    assertThat(fields(new GanParameters(0, -1, "wasserstein", 0.0, 1.0, 0)))
        .containsExactly("latentDim", "generatorLoss", "learningRate", "beta1", "discriminatorSteps", "hidden");
    assertThat(fields(new DcganParameters(-2, 0, null, null, null, null, null))).containsExactly("latentDim", "channels");
    assertThat(fields(new ConditionalGanParameters("cnn", null, 0, null, "minmax", 20.0, -0.1, null, 1.0)))
        .containsExactly("generatorLoss", "learningRate", "beta1", "architecture", "hidden", "averageDecay");
    assertThat(fields(new InfoGanParameters(0, 1, -1, -0.5, Double.NaN, 0, true, 0, "wgan", 0.0, 1.0, 0, -0.1, 0.0, -1.0, 101.0, new RandomWarp(-1.0, 0.6, 2.0), new RandomWarp(9.0, null, 0.0))))
        .containsExactly("latentDim", "generatorLoss", "learningRate", "beta1", "discriminatorSteps", "categories",
            "continuousCodes", "categoricalLambda", "continuousLambda", "channels", "qHidden", "inputNoise", "noiseScale",
            "noiseLambda", "realInformationLambda", "realWarp.maxShift", "realWarp.maxScaleChange", "realWarp.maxShear",
            "discriminatorWarp.maxShift", "discriminatorWarp.maxScaleChange");
    assertThat(fields(new InfoGanParameters(null, null, 0, 0.0, 0.0, null, null, null, null, null, null, null, null, null, null, null, null, null)))
        .as("no continuous code, no information term: allowed").isEmpty();
    assertThat(fields(new StyleGanParameters(0, 0, 0, 1.5, null, null, null, null)))
        .containsExactly("latentDim", "mappingLayers", "channels", "mixingProbability");
  }

  @Test
  void messagesSayWhatIsAllowedAndWhatWasGiven() {
    assertThat(message(new GanParameters(null, null, "wasserstein", null, null, null)))
        .isEqualTo("generatorLoss must be one of minimax, non-saturating (was wasserstein)");
    assertThat(message(new DcganParameters(null, null, null, null, 1.0, null, null)))
        .isEqualTo("beta1 must be in [0, 1) (was 1.0)");
    assertThat(message(new InfoGanParameters(null, 1, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null)))
        .isEqualTo("categories must be >= 2 (was 1)");
    assertThat(message(new InfoGanParameters(null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, new RandomWarp(1.0, 0.1, 0.2), null)))
        .isEqualTo("realInformationLambda must be > 0 when realWarp is given (it weighs the warp agreement too) (was 0.0)");
  }

  @Test
  void srganDefaultsAreValidAndEveryBadValueIsNamed() {
    SrganParameters defaults = new SrganParameters(null, null, null, null, null, null, null, null);
    assertThat(defaults).isEqualTo(new SrganParameters(2, 32, 4, "perceptual", 1e-3, 0.01, 1e-3, 0.9));
    assertThat(fields(defaults)).isEmpty();
    assertThat(fields(new SrganParameters(3, 0, 0, "vgg", -1.0, Double.NaN, 0.0, 1.0))).containsExactly(
        "factor", "channels", "blocks", "loss", "adversarialWeight", "featureWeight", "learningRate", "beta1");
    assertThat(message(new SrganParameters(8, null, null, null, null, null, null, null)))
        .isEqualTo("factor must be 2 or 4 (was 8)");
    assertThat(message(new SrganParameters(null, null, null, "l1", null, null, null, null)))
        .isEqualTo("loss must be one of mse, perceptual (was l1)");
  }

  @Test
  void bothGeneratorLossesParseFromTheirDescriptorSpelling() {
    assertThat(GeneratorLoss.parse("minimax")).isEqualTo(GeneratorLoss.MINIMAX);
    assertThat(GeneratorLoss.parse("non-saturating")).isEqualTo(GeneratorLoss.NON_SATURATING);
    assertThat(GeneratorLoss.parse("NON_SATURATING")).isNull();
  }

  @Test
  void providersAreFoundWithServiceLoaderUnderTheirIds() {
    List<String> ids = StreamSupport.stream(ServiceLoader.load(ModelProvider.class).spliterator(), false)
        .filter(p -> p.getClass().getPackageName().equals(GanProvider.class.getPackageName()))
        .map(p -> p.id()).toList();
    assertThat(ids).containsExactly("gan", "dcgan", "conditional-gan", "infogan", "wgan-gp", "stylegan", "srgan");
  }
}
