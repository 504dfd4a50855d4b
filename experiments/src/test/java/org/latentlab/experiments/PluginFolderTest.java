package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Third-party plugins from {@code --plugins DIR}: a plugin jar built here (its classes exist nowhere
 * else) adds its provider, which a descriptor then uses; a second copy with the same id is an error
 * naming both jars; a broken plugin is reported and does not stop the others.
 */
class PluginFolderTest {
  static final String EVALUATOR = "org.example.meanpixel.MeanPixelEvaluatorProvider";
  static final String SERVICE = "org.latentlab.api.spi.EvaluatorProvider";

  static String evaluatorSource(String constructorBody) {
    return """
        package org.example.meanpixel;

        import java.util.List;
        import java.util.Map;
        import org.latentlab.api.spi.Evaluation;
        import org.latentlab.api.spi.Evaluator;
        import org.latentlab.api.spi.EvaluatorProvider;
        import org.latentlab.api.spi.Parameters;

        /** A third-party evaluator: the mean pixel of the test split. */
        public final class MeanPixelEvaluatorProvider implements EvaluatorProvider<MeanPixelEvaluatorProvider.None> {
          public record None() implements Parameters {}

          public MeanPixelEvaluatorProvider() {
            %s
          }

          @Override public String id() { return "mean-pixel"; }
          @Override public String description() { return "mean pixel of the test split"; }
          @Override public Class<None> parametersType() { return None.class; }

          @Override
          public Evaluator create(None p) {
            return context -> {
              float[] pixels = context.dataset().test().pixels();
              double sum = 0;
              for (float v : pixels) {
                sum += v;
              }
              return new Evaluation(Map.of("mean-pixel/value", sum / pixels.length), List.of(), List.of());
            };
          }
        }
        """.formatted(constructorBody);
  }

  @TempDir Path dir;

  @Test
  void aPluginFolderAddsItsProviderAndADescriptorUsesIt() throws Exception {
    Path plugins = dir.resolve("plugins");
    Path jar = PluginJars.build(plugins.resolve("mean-pixel/mean-pixel-1.0.jar"), EVALUATOR, evaluatorSource(""), SERVICE);
    PluginJars.build(plugins.resolve("broken/broken-1.0.jar"), EVALUATOR,
        evaluatorSource("throw new IllegalStateException(\"needs a licence file\");"), SERVICE);

    Launch listed = Launch.of("--plugins", plugins.toString(), "plugins");
    assertThat(listed.code()).as(listed.err()).isZero();
    assertThat(listed.out()).containsPattern("evaluator\\s+mean-pixel\\s+\\S+\\s+" + java.util.regex.Pattern.quote(jar.toString()));
    assertThat(listed.out()).contains("not loaded: plugin " + plugins.resolve("broken")).contains("needs a licence file");
    assertThat(listed.err()).contains("warning: plugin " + plugins.resolve("broken"));

    Path descriptor = Files.writeString(dir.resolve("uses-plugin.yaml"), """
        name: uses-plugin
        seed: 2
        dataset: {type: mnist-10k, trainSize: 128, testSize: 64}
        model: {type: test-dense-sgd}
        training: {epochs: 1, batchSize: 32}
        evaluators: [{type: mean-pixel}]
        """);
    Path runs = dir.resolve("runs");
    Launch run = Launch.of("--plugins", plugins.toString(), "run", descriptor.toString(), "--runs", runs.toString(),
        "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    Path folder;
    try (Stream<Path> s = Files.list(runs.resolve("uses-plugin"))) {
      folder = s.findFirst().orElseThrow();
    }
    double mean = new ObjectMapper().readTree(folder.resolve("evaluations.json").toFile())
        .get(0).get("metrics").get("mean-pixel/value").asDouble();
    assertThat(mean).as("mean pixel of MNIST digits").isBetween(0.05, 0.3);
    assertThat(Files.readString(folder.resolve("provenance.json"))).contains(jar.toString());

    Launch withoutPlugins = Launch.of("validate", descriptor.toString());
    assertThat(withoutPlugins.code()).isEqualTo(2);
    assertThat(withoutPlugins.err()).contains("mean-pixel");
  }

  @Test
  void twoPluginsWithOneIdAreAnErrorNamingBothJars() throws Exception {
    Path plugins = dir.resolve("plugins");
    Path first = PluginJars.build(plugins.resolve("a/mean-pixel-1.0.jar"), EVALUATOR, evaluatorSource(""), SERVICE);
    Path second = Files.createDirectories(plugins.resolve("b")).resolve("mean-pixel-copy.jar");
    Files.copy(first, second);

    Launch listed = Launch.of("--plugins", plugins.toString(), "plugins");
    assertThat(listed.code()).isEqualTo(2);
    assertThat(listed.err()).contains("duplicate evaluator id 'mean-pixel'").contains(first.toString())
        .contains(second.toString());
  }

  @Test
  void aPluginFolderMayBeNamedLikeACommand() throws Exception {
    // "--plugins plugins": picocli must take the folder name as the option's value, not as the command.
    Path plugins = Path.of("plugins");
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.exists(plugins), "a 'plugins' folder exists here already");
    try {
      PluginJars.build(plugins.resolve("mean-pixel/mean-pixel.jar"), EVALUATOR, evaluatorSource(""), SERVICE);
      Launch listed = Launch.of("--plugins", "plugins", "plugins");
      assertThat(listed.code()).as(listed.err()).isZero();
      assertThat(listed.out()).contains("mean-pixel");
    } finally {
      try (Stream<Path> files = Files.walk(plugins)) {
        for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(f);
        }
      }
    }
  }

  @Test
  void aMissingPluginFolderIsAClearError() {
    Launch listed = Launch.of("--plugins", dir.resolve("nowhere").toString(), "plugins");
    assertThat(listed.code()).isEqualTo(2);
    assertThat(listed.err()).contains("--plugins").contains("not a folder");
  }
}
