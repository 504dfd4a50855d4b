package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A descriptor with seeds and a grid runs every combination, one run folder each, and summarises
 * every metric as mean and standard deviation over the seeds per grid point; {@code --jobs 2} runs
 * two combinations at once in child processes.
 */
class SweepTest {
  private static final String SWEEP = """
      name: tiny-sweep
      seeds: [1, 2, 3]
      sweep:
        model.latentDim: [2, 4]
      dataset: {type: mnist-10k, trainSize: 128, testSize: 64}
      model: {type: conv-autoencoder, channels: 4}
      training: {epochs: 1, batchSize: 64}
      evaluators: [{type: reconstruction-error}]
      """;
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  private Path sweepFolder(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs.resolve("tiny-sweep"))) {
      List<Path> sweeps = s.toList();
      assertThat(sweeps).hasSize(1);
      assertThat(sweeps.get(0).getFileName().toString()).startsWith("sweep-");
      return sweeps.get(0);
    }
  }

  private List<Path> runFolders(Path sweep) throws Exception {
    List<Path> out = new ArrayList<>();
    for (String point : List.of("latentDim-2", "latentDim-4")) {
      try (Stream<Path> s = Files.list(sweep.resolve(point))) {
        s.filter(Files::isDirectory).sorted().forEach(out::add);
      }
    }
    return out;
  }

  @Test
  void seedsTimesGridGiveOneRunEachAndASummary() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    Launch validate = Launch.of("validate", descriptor.toString());
    assertThat(validate.code()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("a sweep of 6 runs");

    Path runs = dir.resolve("runs");
    Launch run = Launch.of("run", descriptor.toString(), "--runs", runs.toString(), "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    Path sweep = sweepFolder(runs);
    List<Path> folders = runFolders(sweep);
    assertThat(folders).hasSize(6);
    List<Long> seeds = new ArrayList<>();
    for (Path f : folders) {
      JsonNode record = json.readTree(f.resolve("provenance.json").toFile());
      assertThat(record.get("status").asText()).isEqualTo("completed");
      seeds.add(record.get("seed").asLong());
      int latent = f.getParent().getFileName().toString().equals("latentDim-2") ? 2 : 4;
      assertThat(Files.readString(f.resolve("descriptor.yaml"))).contains("latentDim: " + latent);
    }
    assertThat(seeds).containsExactlyInAnyOrder(1L, 2L, 3L, 1L, 2L, 3L);

    JsonNode summary = json.readTree(sweep.resolve("summary.json").toFile());
    assertThat(summary.get("points")).hasSize(2);
    for (JsonNode point : summary.get("points")) {
      assertThat(point.get("completed").asInt()).isEqualTo(3);
      JsonNode mse = point.get("metrics").get("reconstruction-error/mse");
      assertThat(mse.get("n").asInt()).isEqualTo(3);
      assertThat(mse.get("std").asDouble()).as("seeds differ, so the metric varies").isPositive();
      double mean = 0;
      double[] values = new double[3];
      int i = 0;
      for (Path f : runFolders(sweep)) {
        if (f.getParent().getFileName().toString().equals(point.get("point").asText())) {
          values[i++] = json.readTree(f.resolve("evaluations.json").toFile()).get(0).get("metrics")
              .get("reconstruction-error/mse").asDouble();
        }
      }
      for (double v : values) {
        mean += v / 3;
      }
      assertThat(mse.get("mean").asDouble()).isCloseTo(mean, org.assertj.core.api.Assertions.within(1e-9));
    }
    assertThat(Files.readString(sweep.resolve("summary.md"))).contains("latentDim-2").contains("±");
    assertThat(run.out()).contains("sweep: [6/6]");

    Path page = dir.resolve("compare.html");
    Launch compare = Launch.of("compare", sweep.toString(), "--out", page.toString());
    assertThat(compare.code()).as(compare.err()).isZero();
    String html = Files.readString(page);
    assertThat(html).contains("latentDim-2").contains("latentDim-4").contains("reconstruction-error/mse")
        .contains("&plusmn;").contains("data:image/png;base64,").doesNotContain("src=\"http");
    assertThat(Launch.of("compare", dir.resolve("nothing-here").toString(), "--out", page.toString()).code())
        .isEqualTo(2);
  }

  @Test
  void twoJobsRunTwoCombinationsAtOnceInChildProcesses() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    Path runs = dir.resolve("runs");
    Launch run = Launch.of("run", descriptor.toString(), "--runs", runs.toString(), "--jobs", "2", "--quiet");
    assertThat(run.code()).as(run.out() + run.err()).isZero();
    List<Path> folders = runFolders(sweepFolder(runs));
    assertThat(folders).hasSize(6);
    List<Instant[]> spans = new ArrayList<>();
    for (Path f : folders) {
      JsonNode record = json.readTree(f.resolve("provenance.json").toFile());
      assertThat(record.get("status").asText()).isEqualTo("completed");
      spans.add(new Instant[] {Instant.parse(record.get("start").asText()), Instant.parse(record.get("end").asText())});
    }
    boolean overlap = false;
    for (int a = 0; a < spans.size(); a++) {
      for (int b = a + 1; b < spans.size(); b++) {
        overlap |= spans.get(a)[0].isBefore(spans.get(b)[1]) && spans.get(b)[0].isBefore(spans.get(a)[1]);
      }
    }
    assertThat(overlap).as("two runs overlapped in time").isTrue();
    assertThat(Files.readString(folders.get(0).resolve("descriptor.yaml"))).contains("threads: 1");
  }
}
