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
 * Runs the real {@code latentlab} script on the packaged jars: the launch on the module path (with
 * the DJL native jar on the class path) lists the plugins and trains a tiny experiment.
 */
class LauncherScriptIT {
  private static final Path ROOT = Path.of(System.getProperty("latentlab.repo.root"));

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

  @Test
  void listsPluginsFromTheModulePath() throws Exception {
    Result r = latentlab("plugins");
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).contains("djl").contains("mnist-10k").contains("conv-autoencoder")
        .contains("linear-probe").contains("backend-djl-");
  }

  @Test
  void trainsATinyExperimentOnTheModulePath() throws Exception {
    Path descriptor = dir.resolve("tiny.yaml");
    Files.writeString(descriptor, """
        name: script-tiny
        dataset: {type: mnist-10k, trainSize: 512, testSize: 256}
        model: {type: conv-autoencoder, latentDim: 8, channels: 4}
        training: {epochs: 1, batchSize: 64}
        evaluators:
          - {type: reconstruction-error}
        """);
    Result r = latentlab("run", descriptor.toString(), "--runs", dir.resolve("runs").toString(), "--quiet");
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).contains("reconstruction-error/mse").contains("report.html");
  }

  @Test
  void loadsModularAndPlainPluginJarsFromAFolderOnTheModulePath() throws Exception {
    Path plugins = dir.resolve("plugins");
    Path modular = PluginJars.build(plugins.resolve("modular/mean-pixel.jar"), PluginFolderTest.EVALUATOR,
        PluginFolderTest.evaluatorSource(""), PluginFolderTest.SERVICE, "org.example.meanpixel");
    Path plain = PluginJars.build(plugins.resolve("plain/other.jar"), PluginFolderTest.EVALUATOR.replace("meanpixel", "other"),
        PluginFolderTest.evaluatorSource("").replace("meanpixel", "other").replace("\"mean-pixel\"", "\"other-mean-pixel\""),
        PluginFolderTest.SERVICE);
    Result listed = latentlab("--plugins", plugins.toString(), "plugins");
    assertThat(listed.code()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("mean-pixel").contains(modular.toString())
        .contains("other-mean-pixel").contains(plain.toString()).doesNotContain("not loaded");

    Path descriptor = dir.resolve("plugin.yaml");
    Files.writeString(descriptor, """
        name: script-plugin
        dataset: {type: mnist-10k, trainSize: 256, testSize: 128}
        model: {type: conv-autoencoder, latentDim: 4, channels: 4}
        training: {epochs: 1, batchSize: 64}
        evaluators: [{type: mean-pixel}, {type: other-mean-pixel}]
        """);
    Result r = latentlab("--plugins", plugins.toString(), "run", descriptor.toString(), "--runs",
        dir.resolve("runs").toString(), "--quiet");
    assertThat(r.code()).as(r.output()).isZero();
    assertThat(r.output()).contains("mean-pixel/value");
  }

  /** The example plugin project (examples/centroid-probe), built earlier in the reactor. */
  @Test
  void theExamplePluginJarLoadsFromAFolderAndTwoCopiesAreADuplicateError() throws Exception {
    Path jar = ROOT.resolve("examples/centroid-probe/target/centroid-probe-1.0.0.jar");
    assertThat(jar).as("the example plugin is built before the launcher's integration tests (mvn -B verify)")
        .isRegularFile();
    Path plugins = dir.resolve("plugins");
    Path copy = Files.copy(jar, Files.createDirectories(plugins.resolve("centroid")).resolve(jar.getFileName()));
    Result listed = latentlab("--plugins", plugins.toString(), "plugins");
    assertThat(listed.code()).as(listed.output()).isZero();
    assertThat(listed.output()).contains("centroid-probe").contains(copy.toString());

    Path descriptor = dir.resolve("example.yaml");
    Files.writeString(descriptor, """
        name: example-plugin
        dataset: {type: mnist-10k, trainSize: 512, testSize: 256}
        model: {type: conv-autoencoder, latentDim: 8, channels: 4}
        training: {epochs: 1, batchSize: 64}
        evaluators: [{type: centroid-probe}]
        """);
    Result run = latentlab("--plugins", plugins.toString(), "run", descriptor.toString(), "--runs",
        dir.resolve("runs").toString(), "--quiet");
    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output()).contains("centroid-probe/accuracy");

    Path second = Files.copy(jar, Files.createDirectories(plugins.resolve("centroid-again")).resolve("copy.jar"));
    Result duplicate = latentlab("--plugins", plugins.toString(), "plugins");
    assertThat(duplicate.code()).isEqualTo(2);
    assertThat(duplicate.output()).contains("duplicate evaluator id 'centroid-probe'").contains(copy.toString())
        .contains(second.toString());
  }
}
