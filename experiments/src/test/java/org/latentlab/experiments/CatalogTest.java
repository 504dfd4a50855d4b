package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped descriptor validates as it is, and runs through the launcher at a tiny budget (a few
 * hundred images, one epoch, the first seed and the first variant of a sweep) to a completed run with
 * its report: a catalog that drifts from the plugins fails here.
 */
class CatalogTest {
  private static final Path CATALOG = Path.of(System.getProperty("latentlab.repo.root"), "experiments/catalog");
  private final YAMLMapper yaml = new YAMLMapper();

  @TempDir Path dir;

  static Stream<String> descriptors() throws Exception {
    try (Stream<Path> files = Files.list(CATALOG)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("descriptors")
  void validatesAndRunsAtATinyBudget(String name) throws Exception {
    Path file = CATALOG.resolve(name);
    Launch validate = Launch.of("validate", file.toString());
    assertThat(validate.code()).as(validate.err()).isZero();

    Path tiny = Files.writeString(dir.resolve(name), yaml.writeValueAsString(tiny((ObjectNode) yaml.readTree(file.toFile()))));
    Launch run = Launch.of("run", tiny.toString(), "--runs", dir.resolve("runs").toString(), "--quiet");
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    Path folder;
    try (Stream<Path> runs = Files.walk(dir.resolve("runs"))) {
      folder = runs.filter(p -> Files.exists(p.resolve("provenance.json"))).findFirst().orElseThrow();
    }
    JsonNode record = new ObjectMapper().readTree(folder.resolve("provenance.json").toFile());
    assertThat(record.get("status").asText()).isEqualTo("completed");
    assertThat(folder.resolve("report.html")).isNotEmptyFile();
  }

  /** The descriptor with one seed, its first variant, a few hundred images and one epoch. */
  private static ObjectNode tiny(ObjectNode doc) {
    if (doc.has("seeds")) {
      doc.put("seed", doc.get("seeds").get(0).asLong());
      doc.remove("seeds");
    }
    JsonNode variants = doc.get("variants");
    if (variants != null) {
      Iterator<Map.Entry<String, JsonNode>> it = variants.fields();
      Map.Entry<String, JsonNode> first = it.next();
      ObjectNode only = new ObjectMapper().createObjectNode();
      only.set(first.getKey(), first.getValue());
      doc.set("variants", only);
    }
    doc.remove("sweep");
    ObjectNode dataset = (ObjectNode) doc.get("dataset");
    if (List.of("mnist-10k", "shapes", "colour-digits", "digit-domains").contains(dataset.get("type").asText())) {
      dataset.put("trainSize", 512).put("testSize", 256);
    }
    ObjectNode training = doc.has("training") ? (ObjectNode) doc.get("training") : doc.putObject("training");
    training.put("epochs", 1).put("batchSize", 64);
    for (JsonNode evaluator : doc.withArray("evaluators")) {
      switch (evaluator.get("type").asText()) {
        case "latent-map" -> ((ObjectNode) evaluator).put("points", 200).put("tsnePoints", 100);
        case "generation" -> ((ObjectNode) evaluator).put("samples", 50).put("classifierEpochs", 1);
        case "style-mixing" -> ((ObjectNode) evaluator).put("pairs", 50).put("classifierEpochs", 1);
        case "disentanglement" -> ((ObjectNode) evaluator).put("trainVotes", 200).put("evalVotes", 100);
        case "info-codes" -> ((ObjectNode) evaluator).put("samplesPerCategory", 20).put("classifierEpochs", 1);
        case "adversarial-robustness" -> ((ObjectNode) evaluator).put("images", 64).put("pgdSteps", 2);
        case "attribute-probe" -> ((ObjectNode) evaluator).put("epochs", 1);
        default -> { }
      }
    }
    return doc;
  }
}
