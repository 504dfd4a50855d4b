package org.latentlab.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps through a real single-node Slurm ({@link LocalSlurm}): a 2 x 2 sweep gives the local executor's
 * summary; a cancelled trial is the only one {@code --retry-failed} resubmits; an unknown partition is
 * refused before anything runs. Skipped when Slurm is not installed, unless {@code LATENTLAB_REQUIRE_SLURM=1}
 * (as {@code .ci/run} sets after installing it).
 */
class SlurmSweepIT {
  private static final String SWEEP = """
      name: slurm-sweep
      seeds: [1, 2]
      sweep:
        model.latentDim: [2, 4]
      dataset: {type: mnist-10k, trainSize: 128, testSize: 64}
      model: {type: conv-autoencoder, channels: 4}
      training: {epochs: 1, batchSize: 64}
      evaluators: [{type: reconstruction-error}]
      executor: {type: slurm, cpus: 1, pollSeconds: 1}
      """;
  private static LocalSlurm slurm;
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @BeforeAll
  static void startSlurm() throws Exception {
    List<String> missing = LocalSlurm.missingPrograms();
    if (!missing.isEmpty()) {
      String reason = "Slurm is not installed (missing " + missing + "; Debian: apt-get install slurm-wlm munge)";
      if ("1".equals(System.getenv("LATENTLAB_REQUIRE_SLURM"))) {
        Assertions.fail(reason);
      }
      Assumptions.abort(reason);
    }
    slurm = LocalSlurm.start(Path.of(System.getenv("SLURM_CONF")));
  }

  @AfterAll
  static void stopSlurm() {
    if (slurm != null) {
      slurm.close();
    }
  }

  private static Path sweepFolder(Path runs) throws Exception {
    try (Stream<Path> s = Files.list(runs.resolve("slurm-sweep"))) {
      return s.filter(p -> p.getFileName().toString().startsWith("sweep-")).findFirst().orElseThrow();
    }
  }

  @Test
  void aSweepThroughSlurmGivesTheLocalSummaryAndOnlyACancelledTrialIsRetried() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("sweep.yaml"), SWEEP);
    Launch local = Launch.of("run", descriptor.toString(), "--executor", "local", "--runs", dir.resolve("local").toString(),
        "--quiet");
    assertThat(local.code()).as(local.out() + local.err()).isZero();
    Launch viaSlurm = Launch.of("run", descriptor.toString(), "--runs", dir.resolve("slurm").toString(), "--jobs", "2");
    assertThat(viaSlurm.code()).as(viaSlurm.out() + viaSlurm.err()).isZero();
    assertThat(viaSlurm.out()).contains("executor slurm").contains("RUNNING").contains("[4/4]");
    JsonNode localSummary = json.readTree(sweepFolder(dir.resolve("local")).resolve("summary.json").toFile());
    JsonNode slurmSummary = json.readTree(sweepFolder(dir.resolve("slurm")).resolve("summary.json").toFile());
    assertThat(slurmSummary.get("points")).as("same metrics per point and seed").isEqualTo(localSummary.get("points"));
    assertThat(slurmSummary.get("points")).hasSize(2)
        .allSatisfy(p -> assertThat(p.get("completed").asInt()).isEqualTo(2));

    // One array task at a time; kill the first while it runs, then retry.
    Launch detached = Launch.of("run", descriptor.toString(), "--runs", dir.resolve("retry").toString(), "--detach");
    assertThat(detached.code()).as(detached.out() + detached.err()).isZero();
    Matcher id = Pattern.compile("submitted 4 trial\\(s\\) as ([0-9]+)").matcher(detached.out());
    assertThat(id.find()).as(detached.out()).isTrue();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!LocalSlurm.run("squeue", "-h", "-r", "-j", id.group(1), "-o", "%K|%T").contains("0|RUNNING")) {
      assertThat(System.nanoTime()).as("trial 0 running within 60 s").isLessThan(deadline);
      Thread.sleep(50);
    }
    LocalSlurm.run("scancel", id.group(1) + "_0");
    Path sweep = sweepFolder(dir.resolve("retry"));
    Launch retry = Launch.of("run", "--retry-failed", sweep.toString());
    assertThat(retry.code()).as(retry.out() + retry.err()).isZero();
    assertThat(retry.out()).contains("trial 0 (latentDim-2 seed 1) CANCELLED")
        .contains("retrying 1 of 4 trials: latentDim-2 seed 1").contains("submitted 1 trial(s)");
    JsonNode retried = json.readTree(sweep.resolve("summary.json").toFile());
    assertThat(retried.get("points")).isEqualTo(localSummary.get("points"));
    assertThat(retried.get("failedTrials")).isEmpty();
    try (Stream<Path> runs = Files.list(sweep.resolve("latentDim-2"))) {
      assertThat(runs.filter(Files::isDirectory).toList()).as("one run folder per seed: the killed one resumed")
          .hasSize(2);
    }
  }

  @Test
  void anUnknownPartitionIsSlurmsClearRefusalBeforeAnythingRuns() throws Exception {
    Path descriptor = Files.writeString(dir.resolve("bad.yaml"),
        SWEEP.replace("executor: {type: slurm,", "executor: {type: slurm, partition: gpu-a100,"));
    Launch run = Launch.of("run", descriptor.toString(), "--runs", dir.resolve("runs").toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Slurm refuses the trials").contains("invalid partition specified: gpu-a100")
        .contains("executor section");
    assertThat(dir.resolve("runs").resolve("slurm-sweep")).doesNotExist();
  }
}
