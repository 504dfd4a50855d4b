package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.latentlab.experiments.descriptor.DescriptorBinder;
import org.latentlab.experiments.descriptor.DescriptorException;
import org.latentlab.experiments.descriptor.Experiment;
import org.latentlab.experiments.plugins.PluginRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DescriptorBinderTest {
  private final DescriptorBinder binder = new DescriptorBinder(PluginRegistry.discover(getClass().getClassLoader()));

  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path file = dir.resolve("experiment.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void bindsTheQuickstartWithDefaultsFilledIn() throws Exception {
    Path file = Path.of(System.getProperty("latentlab.repo.root"), "experiments/catalog/quickstart.yaml");
    Experiment e = binder.bind(file, Optional.empty());
    assertThat(e.name()).isEqualTo("quickstart");
    assertThat(e.backend().type()).isEqualTo("djl");
    assertThat(e.model().type()).isEqualTo("conv-autoencoder");
    assertThat(e.evaluators()).extracting(s -> s.type()).containsExactly("linear-probe", "reconstruction-error");
    assertThat(e.resolvedYaml()).contains("latentDim: 32").contains("learningRate: 0.003").contains("inputNoise: 0.2").contains("validationFraction: 0.1");
  }

  @Test
  void reportsEveryProblemAtOnceNamingFileFieldAndValue() throws Exception {
    Path file = write("""
        name: broken
        backend: {type: djl}
        dataset:
          type: idx
          trainImages: missing/train-images.gz
          trainLabels: missing/train-labels.gz
          testImages: missing/test-images.gz
          testLabels: missing/test-labels.gz
        model:
          type: conv-autoencoder
          latentDimm: 8
          channels: -3
        """);
    assertThatThrownBy(() -> binder.bind(file, Optional.empty()))
        .isInstanceOfSatisfying(DescriptorException.class, ex -> {
          assertThat(ex.problems()).allSatisfy(p -> assertThat(p).startsWith("descriptor " + file + ": "));
          assertThat(ex.problems()).anySatisfy(p -> assertThat(p)
              .contains("model.latentDimm: unknown field").contains("did you mean 'latentDim'"));
          assertThat(ex.problems()).anySatisfy(p -> assertThat(p).contains("model.channels must be > 0 (was -3)"));
          assertThat(ex.problems()).anySatisfy(p -> assertThat(p)
              .contains("dataset.trainImages").contains("train-images.gz"));
        });
  }

  @Test
  void rejectsAnUnknownTypeWithTheAvailableOnes() throws Exception {
    Path file = write("""
        name: typo
        dataset: {type: mnist-10k}
        model: {type: conv-autoencodr}
        """);
    assertThatThrownBy(() -> binder.bind(file, Optional.empty()))
        .isInstanceOfSatisfying(DescriptorException.class, ex -> assertThat(ex.problems()).singleElement()
            .satisfies(p -> assertThat(p).contains("model.type: no model or pretext-task called 'conv-autoencodr'")
                .contains("did you mean 'conv-autoencoder'")));
  }

  @Test
  void rejectsWrongValueTypesAndUnknownTopLevelFields() throws Exception {
    Path file = write("""
        name: types
        trainig: {epochs: 2}
        dataset: {type: mnist-10k}
        model: {type: conv-autoencoder, latentDim: many}
        """);
    assertThatThrownBy(() -> binder.bind(file, Optional.empty()))
        .isInstanceOfSatisfying(DescriptorException.class, ex -> {
          assertThat(ex.problems()).anySatisfy(p -> assertThat(p)
              .contains("trainig: unknown field").contains("did you mean 'training'"));
          assertThat(ex.problems()).anySatisfy(p -> assertThat(p)
              .contains("model.latentDim must be an integer (was many)"));
        });
  }

  @Test
  void backendOverrideReplacesTheDescriptorsBackend() throws Exception {
    Path file = write("""
        name: override
        backend: {type: djl, threads: 1}
        dataset: {type: mnist-10k}
        model: {type: conv-autoencoder}
        """);
    assertThatThrownBy(() -> binder.bind(file, Optional.of("nonexistent")))
        .isInstanceOfSatisfying(DescriptorException.class, ex -> assertThat(ex.problems()).singleElement()
            .satisfies(p -> assertThat(p).contains("backend.type: no backend called 'nonexistent'")));
  }

  @Test
  void namedVariantsReplaceOrEditSectionsAndCrossTheGridAndTheSeeds() throws Exception {
    Path file = write("""
        name: variants
        seeds: [1, 2]
        variants:
          small: {model: {type: conv-autoencoder, latentDim: 4}}
          noisy: {model: {inputNoise: 0.3}}
        sweep:
          training.epochs: [1, 2]
        dataset: {type: mnist-10k}
        model: {type: conv-autoencoder, channels: 8}
        """);
    org.latentlab.experiments.descriptor.Sweep sweep = binder.bindAll(file, Optional.empty());
    assertThat(sweep.runs()).hasSize(8);
    assertThat(sweep.runs()).extracting(r -> r.point()).containsExactly("small_epochs-1", "small_epochs-1",
        "small_epochs-2", "small_epochs-2", "noisy_epochs-1", "noisy_epochs-1", "noisy_epochs-2", "noisy_epochs-2");
    Experiment small = sweep.runs().get(0).experiment();
    assertThat(small.resolvedYaml()).as("a section with a type replaces the section").contains("latentDim: 4")
        .contains("channels: 32");
    Experiment noisy = sweep.runs().get(4).experiment();
    assertThat(noisy.resolvedYaml()).as("a section without a type edits it").contains("inputNoise: 0.3")
        .contains("channels: 8");

    Path bad = write("""
        name: bad
        variants:
          "a b": {model: {type: conv-autoencoder}}
          empty: {}
          other: {name: renamed}
        dataset: {type: mnist-10k}
        model: {type: conv-autoencoder}
        """);
    assertThatThrownBy(() -> binder.bindAll(bad, Optional.empty()))
        .isInstanceOfSatisfying(org.latentlab.experiments.descriptor.DescriptorException.class, e ->
            assertThat(String.join("\n", e.problems())).contains("variants.a b: a variant name")
                .contains("variants.empty must be a partial descriptor").contains("variants.other.name: a variant may set"));
  }
}
