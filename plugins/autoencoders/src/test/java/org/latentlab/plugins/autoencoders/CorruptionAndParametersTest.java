package org.latentlab.plugins.autoencoders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.api.params.ParameterStore;
import org.latentlab.api.spi.Backend;
import org.latentlab.api.spi.ModelProvider;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.tensor.HostTensor;
import org.latentlab.api.train.ComputeSession;
import org.latentlab.testkit.TestBackends;

class CorruptionAndParametersTest {

  /** Corrupts a grey image batch (all 0.5) once through a compiled function. */
  private static HostTensor corrupt(Backend backend, Corruption corruption, float level) {
    HostTensor grey = new HostTensor(filled(64 * 16 * 16, 0.5f), new int[] {64, 1, 16, 16});
    try (ComputeSession session = backend.open(new ParameterStore(1), 1)) {
      return session.compile((ops, in) -> Map.of("x", corruption.apply(ops, in.get("x"), level)))
          .apply(Map.of("x", grey)).get("x");
    }
  }

  private static float[] filled(int n, float v) {
    float[] out = new float[n];
    Arrays.fill(out, v);
    return out;
  }

  private static double fraction(HostTensor t, float value) {
    long count = 0;
    for (float v : t.data()) {
      count += v == value ? 1 : 0;
    }
    return count / (double) t.size();
  }

  @ParameterizedTest
  @ValueSource(strings = {"djl", "tensorflow"})
  void eachCorruptionHasItsStatistics(String backendId) {
    try (Backend backend = TestBackends.create(backendId)) {
      HostTensor masked = corrupt(backend, Corruption.MASKING, 0.3f);
      assertThat(fraction(masked, 0f)).as("masked share").isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.03));
      assertThat(fraction(masked, 0.5f)).as("kept share").isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.03));

      HostTensor salted = corrupt(backend, Corruption.SALT_AND_PEPPER, 0.3f);
      assertThat(fraction(salted, 0f)).as("pepper").isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.03));
      assertThat(fraction(salted, 1f)).as("salt").isCloseTo(0.15, org.assertj.core.data.Offset.offset(0.03));
      assertThat(fraction(salted, 0.5f)).as("kept").isCloseTo(0.7, org.assertj.core.data.Offset.offset(0.03));

      HostTensor noisy = corrupt(backend, Corruption.GAUSSIAN, 0.1f);
      double mean = FamilyData.mean(noisy);
      double var = 0;
      for (float v : noisy.data()) {
        var += (v - mean) * (v - mean) / noisy.size();
        assertThat(v).isBetween(0f, 1f);
      }
      assertThat(mean).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
      assertThat(Math.sqrt(var)).as("sd").isCloseTo(0.1, org.assertj.core.data.Offset.offset(0.01));
    }
  }

  @Test
  void everyModelIsRegistered() {
    var ids = StreamSupport.stream(ServiceLoader.load(ModelProvider.class).spliterator(), false)
        .map(ModelProvider::id).collect(Collectors.toSet());
    assertThat(ids).contains("conv-autoencoder", "autoencoder", "sparse-autoencoder", "denoising-autoencoder", "vae",
        "semi-supervised-autoencoder");
  }

  @Test
  void defaultsAreFilledIn() {
    assertThat(new AutoencoderParameters(null, null, null, null, null, null))
        .isEqualTo(new AutoencoderParameters("conv", 32, 32, 512, "bce", 1e-3));
    assertThat(new SparseAutoencoderParameters(null, null, null, null, null, null, null, null, null))
        .isEqualTo(new SparseAutoencoderParameters("mlp", 128, 32, 512, "bce", "kl", 0.02, 0.05, 1e-3));
    assertThat(new DenoisingAutoencoderParameters(null, null, null, null, null, null, null, null))
        .isEqualTo(new DenoisingAutoencoderParameters("conv", 32, 32, 512, "bce", "masking", 0.25, 1e-3));
    assertThat(new VaeParameters(null, null, null, null, null, null, null))
        .isEqualTo(new VaeParameters("conv", 32, 32, 512, "bce", 1.0, 1e-3));
    assertThat(new SemiSupervisedParameters(null, null, null, null, null, null, null, null, null, null))
        .isEqualTo(new SemiSupervisedParameters("conv", 32, 32, 512, "bce", 100, 64, 1.0, 1.0, 1e-3));
    assertThat(new SemiSupervisedParameters(null, null, null, null, null, 20, null, null, null, null).labelledBatch())
        .isEqualTo(20);
  }

  private static java.util.List<String> fields(org.latentlab.api.spi.Parameters p) {
    Problems problems = new Problems();
    p.validate(problems);
    return problems.all().stream().map(Problems.Problem::field).toList();
  }

  @Test
  void validationNamesEachBadField() {
    assertThat(fields(new AutoencoderParameters("rnn", 0, -1, 0, "l2", 0.0)))
        .containsExactly("architecture", "latentDim", "channels", "hidden", "loss", "learningRate");
    assertThat(fields(new SparseAutoencoderParameters(null, null, null, null, null, "l2", -1.0, 1.0, null)))
        .containsExactly("penalty", "sparsityWeight", "rho");
    assertThat(fields(new DenoisingAutoencoderParameters(null, null, null, null, null, "blur", 1.5, null)))
        .containsExactly("corruption", "noiseLevel");
    assertThat(fields(new VaeParameters(null, null, null, null, null, -0.5, null))).containsExactly("beta");
    assertThat(fields(new SemiSupervisedParameters(null, null, null, null, null, 0, 0, 0.0, -1.0, null)))
        .containsExactly("labels", "labelledBatch", "classifierWeight", "reconstructionWeight");
    Problems problems = new Problems();
    new DenoisingAutoencoderParameters(null, null, null, null, null, "blur", null, null).validate(problems);
    assertThat(problems.all().get(0).message())
        .isEqualTo("corruption must be one of gaussian, masking, salt-and-pepper (was blur)");
  }
}
