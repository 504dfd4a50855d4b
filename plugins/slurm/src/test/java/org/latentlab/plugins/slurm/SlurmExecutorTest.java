package org.latentlab.plugins.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentlab.api.spi.Problems;
import org.latentlab.api.spi.SweepExecutor.TrialOutcome;
import org.latentlab.api.spi.SweepJob;

class SlurmExecutorTest {
  @TempDir Path dir;

  /** Answers each Slurm command from a script of canned results, recording what was asked. */
  private static final class Scripted extends SlurmCommands {
    final List<List<String>> asked = new ArrayList<>();
    final List<Result> squeue = new ArrayList<>();
    Result scontrol = new Result(0, "", "");
    Result sbatch = new Result(0, "42", "");

    @Override
    Result run(List<String> command) {
      asked.add(command);
      return switch (command.get(0)) {
        case "squeue" -> squeue.isEmpty() ? new Result(0, "", "") : squeue.remove(0);
        case "scontrol" -> scontrol;
        case "sbatch" -> sbatch;
        default -> new Result(1, "", command.get(0) + ": not available");
      };
    }
  }

  private SweepJob job() {
    List<SweepJob.Trial> trials = List.of(
        new SweepJob.Trial(0, "a seed 1", List.of("java", "-cp", "x y", "Main"), dir.resolve("logs/trial-0.log")),
        new SweepJob.Trial(1, "a seed 2", List.of("java", "Main"), dir.resolve("logs/trial-1.log")),
        new SweepJob.Trial(3, "b seed 2", List.of("java", "Main"), dir.resolve("logs/trial-3.log")));
    return new SweepJob("tiny", dir, trials, 2);
  }

  private static SlurmParameters parameters(String partition) {
    return new SlurmParameters(partition, "00:30:00", 4, 1, "8G", null, List.of("--qos=short"), 1);
  }

  @Test
  void submitWritesOneScriptPerTrialAndAsksForTheArrayWithItsResources() throws Exception {
    Scripted slurm = new Scripted();
    String id = new SlurmExecutor(parameters("gpu"), slurm).submit(job());
    assertThat(id).isEqualTo("42");
    assertThat(slurm.asked.get(0)).startsWith("sbatch", "--parsable").contains("--array=0,1,3%2",
        "--output=" + dir.resolve("logs").resolve("trial-%a.log"), "--requeue", "--partition=gpu", "--time=00:30:00",
        "--cpus-per-task=4", "--gres=gpu:1", "--mem=8G", "--qos=short").endsWith(dir.resolve("slurm/array.sh").toString());
    assertThat(Files.readString(dir.resolve("slurm/trial-0.sh"))).contains("exec java -cp 'x y' Main");
    assertThat(Files.readString(dir.resolve("slurm/array.sh"))).contains("trial-\"$SLURM_ARRAY_TASK_ID\".sh");
  }

  @Test
  void theArrayIsFollowedUntilEveryTaskEndedWithItsStateAndExitCode() throws Exception {
    Scripted slurm = new Scripted();
    slurm.squeue.add(new SlurmCommands.Result(0, "0|RUNNING\n1|PENDING\n3|PENDING", ""));
    slurm.squeue.add(new SlurmCommands.Result(0, "1|RUNNING", ""));
    slurm.squeue.add(new SlurmCommands.Result(1, "", "slurm_load_jobs error: Invalid job id specified"));
    slurm.scontrol = new SlurmCommands.Result(0, String.join("\n",
        "JobId=43 ArrayJobId=42 ArrayTaskId=0 JobState=COMPLETED Reason=None ExitCode=0:0",
        "JobId=44 ArrayJobId=42 ArrayTaskId=1 JobState=FAILED Reason=NonZeroExitCode ExitCode=1:0",
        "JobId=45 ArrayJobId=42 ArrayTaskId=3 JobState=CANCELLED Reason=None ExitCode=0:15"), "");
    List<TrialOutcome> seen = new ArrayList<>();
    List<TrialOutcome> outcomes = new SlurmExecutor(parameters(""), slurm).await("42", job(), seen::add);
    assertThat(outcomes).extracting(TrialOutcome::index, TrialOutcome::state, TrialOutcome::succeeded).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0, "COMPLETED", true),
        org.assertj.core.groups.Tuple.tuple(1, "FAILED", false),
        org.assertj.core.groups.Tuple.tuple(3, "CANCELLED", false));
    assertThat(outcomes.get(1).detail()).isEqualTo("exit code 1:0, reason NonZeroExitCode");
    assertThat(seen).extracting(TrialOutcome::index, TrialOutcome::state).startsWith(
        org.assertj.core.groups.Tuple.tuple(0, "RUNNING"), org.assertj.core.groups.Tuple.tuple(1, "PENDING"),
        org.assertj.core.groups.Tuple.tuple(3, "PENDING"));
    assertThat(seen).filteredOn(TrialOutcome::ended).hasSize(3);
  }

  @Test
  void aRefusalOfTestOnlyNamesWhatToChange() {
    Scripted slurm = new Scripted();
    slurm.sbatch = new SlurmCommands.Result(1, "", "sbatch: error: invalid partition specified: gpu-a100");
    assertThatThrownBy(() -> new SlurmExecutor(parameters("gpu-a100"), slurm).check(job()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid partition specified: gpu-a100").hasMessageContaining("--partition=gpu-a100")
        .hasMessageContaining("executor section");
    assertThat(slurm.asked.get(0)).startsWith("sbatch", "--test-only");
  }

  @Test
  void parametersAreValidatedByField() {
    Problems problems = new Problems();
    new SlurmParameters(null, "two hours", 0, -1, null, null, null, 0).validate(problems);
    assertThat(problems.all()).extracting(Problems.Problem::field).containsExactly("cpus", "gpus", "time", "pollSeconds");
    assertThat(new SlurmParameters(null, null, null, null, null, null, null, null).sbatchOptions())
        .containsExactly("--cpus-per-task=2");
  }

  @Test
  void quotingKeepsEachArgumentOneWord() {
    assertThat(SlurmExecutor.quote("/opt/java/bin/java")).isEqualTo("/opt/java/bin/java");
    assertThat(SlurmExecutor.quote("it's here")).isEqualTo("'it'\\''s here'");
  }
}
