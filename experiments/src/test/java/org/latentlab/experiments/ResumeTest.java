package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.latentlab.experiments.bench.JvmLaunch;

/**
 * A run killed with SIGKILL part-way and resumed with {@code latentlab run --resume} ends with exactly
 * the metrics of the same run left alone: every logged training loss and every evaluation metric,
 * bit for bit (a denoising autoencoder, so the input noise must continue too, not only the data order
 * and the optimizer state). A damaged newest checkpoint is passed over with a warning.
 */
class ResumeTest {
  private static final Pattern CHECKPOINT = Pattern.compile("iteration-(\\d+)\\.ckpt");
  /** 512 images in batches of 32 for 24 epochs: 384 iterations, a checkpoint every 16. */
  private static final String DESCRIPTOR = """
      name: resume
      seed: 7
      backend: {type: %s}
      dataset: {type: mnist-10k, trainSize: 512, testSize: 128}
      model: {type: conv-autoencoder, channels: 4, latentDim: 8, inputNoise: 0.3, learningRate: 0.005}
      training: {epochs: 24, batchSize: 32, logEvery: 4, checkpointEvery: 16}
      evaluators: [{type: reconstruction-error}, {type: linear-probe, epochs: 5}]
      """;
  private static final long KILL_AFTER = 64;

  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"djl", "tensorflow"})
  void aKilledRunResumesToExactlyTheMetricsOfAnUninterruptedOne(String backend) throws Exception {
    Path descriptor = Files.writeString(dir.resolve("resume.yaml"), DESCRIPTOR.formatted(backend));
    Path reference = uninterrupted(descriptor);

    Path killed = killPartWay(descriptor, dir.resolve("killed"));
    Launch resume = Launch.of("run", "--resume", killed.toString(), "--quiet");
    assertThat(resume.code()).as(resume.err()).isZero();
    assertThat(resume.err()).doesNotContain("warning");

    assertSameResults(killed, reference);
    JsonNode record = json.readTree(killed.resolve("provenance.json").toFile());
    assertThat(record.get("status").asText()).isEqualTo("completed");
    JsonNode resumed = record.get("resumes").get(0);
    assertThat(resumed.get("afterIteration").asLong()).isGreaterThanOrEqualTo(KILL_AFTER).isLessThan(384);
    assertThat(resumed.get("checkpoint").asText()).matches("checkpoints/iteration-\\d{7}\\.ckpt");
  }

  @Test
  void aDamagedNewestCheckpointIsPassedOverWithAWarning() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("resume.yaml"), DESCRIPTOR.formatted("djl"));
    Path reference = uninterrupted(descriptor);
    Path killed = killPartWay(descriptor, dir.resolve("killed"));
    List<Path> saved = checkpoints(killed);
    // Two are kept; a kill between writing a third and removing the oldest leaves three.
    assertThat(saved).as("two checkpoints kept").hasSizeBetween(2, 3);
    Path newest = saved.get(saved.size() - 1);
    Path fallback = saved.get(saved.size() - 2);
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length / 2] ^= 0x40;
    Files.write(newest, bytes);

    Launch resume = Launch.of("run", "--resume", killed.toString(), "--quiet");
    assertThat(resume.code()).as(resume.err()).isZero();
    assertThat(resume.err()).contains("warning: " + newest).contains("checksum mismatch")
        .contains("falling back to " + fallback.getFileName());
    assertThat(newest.resolveSibling(newest.getFileName() + ".damaged")).exists();
    assertSameResults(killed, reference);
    JsonNode resumed = json.readTree(killed.resolve("provenance.json").toFile()).get("resumes").get(0);
    assertThat(resumed.get("afterIteration").asLong()).isEqualTo(iteration(fallback));
    assertThat(resumed.get("warnings").get(0).asText()).contains("checksum mismatch");
  }

  @Test
  void aCompletedRunOrAFolderThatIsNoRunIsRefused() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("resume.yaml"), DESCRIPTOR.formatted("djl")
        .replace("epochs: 24", "epochs: 1"));
    Path done = uninterrupted(descriptor);
    Launch again = Launch.of("run", "--resume", done.toString(), "--quiet");
    assertThat(again.code()).isEqualTo(2);
    assertThat(again.err()).contains("has completed; there is nothing to resume");
    Launch nothing = Launch.of("run", "--resume", dir.toString(), "--quiet");
    assertThat(nothing.code()).isEqualTo(2);
    assertThat(nothing.err()).contains("is not a run folder");
    Launch both = Launch.of("run", descriptor.toString(), "--resume", done.toString());
    assertThat(both.code()).isEqualTo(2);
  }

  private Path uninterrupted(Path descriptor) throws IOException {
    Path runs = dir.resolve("reference");
    Launch run = Launch.of("run", descriptor.toString(), "--runs", runs.toString(), "--quiet");
    assertThat(run.code()).as(run.err()).isZero();
    return onlyRun(runs.resolve("resume"));
  }

  /** Starts the run in a child JVM and kills it (SIGKILL) once it has checkpointed iteration {@link #KILL_AFTER}. */
  private Path killPartWay(Path descriptor, Path runs) throws Exception {
    Files.createDirectories(runs);
    List<String> command = JvmLaunch.current().command("org.latentlab.experiments", "org.latentlab.experiments.Main",
        List.of("run", descriptor.toString(), "--runs", runs.toString(), "--quiet"));
    Process child = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (newestCheckpoint(runs) < KILL_AFTER) {
        assertThat(child.isAlive()).as("the child run is still training; its log: %s",
            Files.readString(dir.resolve("child.log"))).isTrue();
        assertThat(System.nanoTime()).as("a checkpoint of iteration %d within 2 minutes", KILL_AFTER).isLessThan(deadline);
        Thread.sleep(5);
      }
    } finally {
      child.destroyForcibly();
      child.waitFor();
    }
    Path run = onlyRun(runs.resolve("resume"));
    assertThat(json.readTree(run.resolve("provenance.json").toFile()).get("status").asText())
        .as("the run was killed before it finished").isEqualTo("running");
    assertThat(run.resolve("report.html")).doesNotExist();
    return run;
  }

  private long newestCheckpoint(Path runs) throws IOException {
    Path folder = runs.resolve("resume");
    if (!Files.isDirectory(folder)) {
      return -1;
    }
    try (Stream<Path> s = Files.list(folder)) {
      Optional<Path> run = s.findFirst();
      if (run.isEmpty() || !Files.isDirectory(run.get().resolve("checkpoints"))) {
        return -1;
      }
      return checkpoints(run.get()).stream().mapToLong(ResumeTest::iteration).max().orElse(-1);
    }
  }

  private static List<Path> checkpoints(Path run) throws IOException {
    try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
      return s.filter(f -> CHECKPOINT.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
  }

  private static long iteration(Path checkpoint) {
    Matcher m = CHECKPOINT.matcher(checkpoint.getFileName().toString());
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  private static Path onlyRun(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      List<Path> runs = s.toList();
      assertThat(runs).hasSize(1);
      return runs.get(0);
    }
  }

  private void assertSameResults(Path resumed, Path reference) throws IOException {
    assertThat(Files.readAllLines(resumed.resolve("metrics.jsonl")))
        .as("every training and evaluation line of metrics.jsonl")
        .containsExactlyElementsOf(Files.readAllLines(reference.resolve("metrics.jsonl")));
    assertThat(json.readTree(resumed.resolve("evaluations.json").toFile()))
        .isEqualTo(json.readTree(reference.resolve("evaluations.json").toFile()));
    assertThat(Files.readAllBytes(resumed.resolve("checkpoints/final.ckpt")))
        .as("the final training state, byte for byte")
        .isEqualTo(Files.readAllBytes(reference.resolve("checkpoints/final.ckpt")));
  }
}
