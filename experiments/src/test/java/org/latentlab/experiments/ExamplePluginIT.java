package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code latentlab} script with the example third-party plugin
 * ({@code examples/kmeans-evaluator}, built earlier in the reactor) loaded from a plugins folder:
 * it is listed with its jar, its evaluator runs in an experiment, and two copies of it are refused
 * as a duplicate id.
 */
class ExamplePluginIT {
  private static final Path ROOT = Path.of(System.getProperty("latentlab.repo.root"));
  private static final Path JAR = ROOT.resolve("examples/kmeans-evaluator/target/kmeans-evaluator-1.0.0.jar");

  @TempDir Path dir;

  private record Result(int code, String output) {}

  private Result latentlab(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("latentlab").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
    pb.environment().put("LATENTLAB_NO_BUILD", "1");
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    return new Result(p.exitValue(), output);
  }

  private static Path install(Path pluginFolder) throws Exception {
    assertThat(JAR).as("the example plugin jar %s is missing; it is built earlier in the reactor "
        + "(mvn -B verify or mvn install -DskipTests from the repository root, or mvn package in "
        + "examples/kmeans-evaluator)", JAR).isRegularFile();
    return Files.copy(JAR, Files.createDirectories(pluginFolder).resolve(JAR.getFileName()));
  }

  @Test
  void theExamplePluginIsListedRunsInAnExperimentAndTwoCopiesAreADuplicate() throws Exception {
    Path plugins = dir.resolve("plugins");
    Path jar = install(plugins.resolve("kmeans"));

    Result listed = latentlab("--plugins", plugins.toString(), "plugins");
    assertThat(listed.code()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("kmeans-purity").contains(jar.toString()).doesNotContain("not loaded");

    Path descriptor = dir.resolve("kmeans.yaml");
    Files.writeString(descriptor, """
        name: example-kmeans
        dataset: {type: mnist-10k, trainSize: 512, testSize: 256}
        model: {type: conv-autoencoder, latentDim: 8, channels: 4}
        training: {epochs: 1, batchSize: 64}
        evaluators: [{type: kmeans-purity}]
        """);
    Result run = latentlab("--plugins", plugins.toString(), "run", descriptor.toString(), "--runs",
        dir.resolve("runs").toString(), "--quiet");
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).contains("kmeans-purity/purity").contains("kmeans-purity/nmi");

    Path copy = install(plugins.resolve("kmeans-copy"));
    Result duplicate = latentlab("--plugins", plugins.toString(), "plugins");
    assertThat(duplicate.code()).as(duplicate.output()).isEqualTo(2);
    assertThat(duplicate.output()).contains("duplicate evaluator id 'kmeans-purity'").contains(jar.toString())
        .contains(copy.toString());
  }
}
