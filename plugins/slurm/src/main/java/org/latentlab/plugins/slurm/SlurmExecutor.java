package org.latentlab.plugins.slurm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.latentlab.api.spi.SweepExecutor;
import org.latentlab.api.spi.SweepJob;

/**
 * A sweep's trials as one Slurm job array: each trial's command goes into {@code <sweep>/slurm/trial-K.sh},
 * and {@code sbatch --array=K1,K2,...%P --requeue} runs {@code slurm/array.sh}, which executes the script of
 * its {@code SLURM_ARRAY_TASK_ID}, its output in {@code <sweep>/logs/trial-%a.log}. The launcher follows the
 * array with {@code squeue} (queued and running tasks) and {@code scontrol show job} (ended tasks: state and
 * exit code; {@code sacct} where the cluster keeps accounting and scontrol has forgotten the job). Trials
 * must see the same file system (the sweep folder, the Java runtime and the launcher's jars) as the
 * machine that submits them, as on a cluster with a shared home or project file system. A requeued or
 * preempted task runs its trial again, which resumes its run from its newest checkpoint.
 */
final class SlurmExecutor implements SweepExecutor {
  private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL",
      "OUT_OF_MEMORY", "BOOT_FAIL", "DEADLINE", "PREEMPTED", "REVOKED", "SPECIAL_EXIT");
  private static final Pattern TASK = Pattern.compile("ArrayTaskId=([0-9]+)\\b");
  private static final Pattern STATE = Pattern.compile("JobState=([A-Z_]+)");
  private static final Pattern EXIT = Pattern.compile("ExitCode=([0-9]+:[0-9]+)");
  private static final Pattern REASON = Pattern.compile("Reason=(\\S+)");
  /** Polls a task may go unreported by every Slurm command before it counts as lost. */
  private static final int MISSING_POLLS = 6;

  private final SlurmParameters parameters;
  private final SlurmCommands commands;

  SlurmExecutor(SlurmParameters parameters, SlurmCommands commands) {
    this.parameters = parameters;
    this.commands = commands;
  }

  @Override
  public boolean detachable() {
    return true;
  }

  /** Asks {@code sbatch --test-only} whether the cluster would take the array, without submitting it. */
  @Override
  public void check(SweepJob job) throws IOException {
    List<String> command = new ArrayList<>(List.of("sbatch", "--test-only"));
    command.addAll(arrayOptions(job));
    command.add("--wrap=true");
    SlurmCommands.Result r = call(command);
    if (!r.ok()) {
      throw new IllegalArgumentException("Slurm refuses the trials: " + firstLine(r.err().isEmpty() ? r.out() : r.err())
          + " (sbatch options " + parameters.sbatchOptions() + "; check the descriptor's executor section: partition,"
          + " time, cpus, gpus, memory, account)");
    }
  }

  @Override
  public String submit(SweepJob job) throws IOException {
    Path scripts = job.directory().resolve("slurm");
    Files.createDirectories(scripts);
    Files.createDirectories(job.directory().resolve("logs"));
    for (SweepJob.Trial t : job.trials()) {
      Files.writeString(scripts.resolve("trial-" + t.index() + ".sh"), "#!/bin/bash\n# " + t.label() + "\nexec "
          + t.command().stream().map(SlurmExecutor::quote).collect(Collectors.joining(" ")) + "\n",
          StandardCharsets.UTF_8);
    }
    Path array = scripts.resolve("array.sh");
    Files.writeString(array, "#!/bin/bash\nexec bash " + quote(scripts.toString()) + "/trial-\"$SLURM_ARRAY_TASK_ID\".sh\n",
        StandardCharsets.UTF_8);
    List<String> command = new ArrayList<>(List.of("sbatch", "--parsable"));
    command.addAll(arrayOptions(job));
    command.add(array.toString());
    SlurmCommands.Result r = call(command);
    if (!r.ok()) {
      throw new IOException("sbatch refused the array: " + firstLine(r.err()) + " (" + String.join(" ", command) + ")");
    }
    return r.out().split(";")[0].trim();
  }

  private List<String> arrayOptions(SweepJob job) {
    String indices = job.trials().stream().map(t -> Integer.toString(t.index())).collect(Collectors.joining(","));
    List<String> options = new ArrayList<>(List.of(
        "--job-name=latentlab-" + job.name(),
        "--array=" + indices + "%" + Math.max(1, job.parallelism()),
        "--output=" + job.directory().resolve("logs").resolve("trial-%a.log"),
        "--chdir=" + job.directory(),
        "--requeue"));
    options.addAll(parameters.sbatchOptions());
    return options;
  }

  @Override
  public List<TrialOutcome> await(String id, SweepJob job, Consumer<TrialOutcome> progress)
      throws IOException, InterruptedException {
    Map<Integer, TrialOutcome> ended = new LinkedHashMap<>();
    Map<Integer, String> lastState = new HashMap<>();
    Map<Integer, Integer> unseen = new HashMap<>();
    Set<Integer> open = new LinkedHashSet<>();
    job.trials().forEach(t -> open.add(t.index()));
    while (true) {
      Map<Integer, String> queued = queued(id);
      Map<Integer, TrialOutcome> finished = queued.keySet().containsAll(open) ? Map.of() : finished(id);
      for (Integer index : List.copyOf(open)) {
        TrialOutcome done = finished.get(index);
        if (!queued.containsKey(index) && done != null) {
          ended.put(index, done);
          open.remove(index);
          progress.accept(done);
        } else if (queued.containsKey(index) && !queued.get(index).equals(lastState.get(index))) {
          lastState.put(index, queued.get(index));
          progress.accept(new TrialOutcome(index, queued.get(index), false, false, ""));
        } else if (!queued.containsKey(index) && done == null && unseen.merge(index, 1, Integer::sum) >= MISSING_POLLS) {
          // Neither squeue nor scontrol (nor sacct) has reported the task for a while: its end cannot be told. (A
          // task cancelled while pending leaves the array without a record where the cluster keeps no accounting.)
          TrialOutcome unknown = new TrialOutcome(index, "UNKNOWN", true, false,
              "left Slurm's queue without a record, e.g. cancelled while pending");
          ended.put(index, unknown);
          open.remove(index);
          progress.accept(unknown);
        }
      }
      if (open.isEmpty()) {
        break;
      }
      Thread.sleep(parameters.pollSeconds() * 1000L);
    }
    return job.trials().stream().map(t -> ended.get(t.index())).toList();
  }

  /** Array task id to state of the tasks {@code squeue} still lists (pending, running, completing). */
  private Map<Integer, String> queued(String id) throws IOException {
    SlurmCommands.Result r = call(List.of("squeue", "-h", "-r", "-j", id, "-o", "%K|%T"));
    Map<Integer, String> out = new HashMap<>();
    if (!r.ok()) {
      return out; // the job has left the queue
    }
    for (String line : r.out().split("\n")) {
      String[] parts = line.trim().split("\\|");
      if (parts.length == 2 && parts[0].matches("[0-9]+")) {
        out.put(Integer.parseInt(parts[0]), parts[1]);
      }
    }
    return out;
  }

  /** Array task id to outcome of the tasks that ended, from {@code scontrol}, else {@code sacct}. */
  private Map<Integer, TrialOutcome> finished(String id) throws IOException {
    Map<Integer, TrialOutcome> out = new HashMap<>();
    SlurmCommands.Result r = call(List.of("scontrol", "-o", "show", "job", id));
    if (r.ok()) {
      for (String line : r.out().split("\n")) {
        Matcher task = TASK.matcher(line);
        Matcher state = STATE.matcher(line);
        if (task.find() && state.find() && ENDED.contains(state.group(1))) {
          Matcher exit = EXIT.matcher(line);
          Matcher reason = REASON.matcher(line);
          out.put(Integer.parseInt(task.group(1)), outcome(Integer.parseInt(task.group(1)), state.group(1),
              exit.find() ? exit.group(1) : "", reason.find() ? reason.group(1) : "None"));
        }
      }
      return out;
    }
    SlurmCommands.Result acct = call(List.of("sacct", "-n", "-P", "-X", "-j", id, "-o", "JobID,State,ExitCode"));
    if (acct.ok()) {
      for (String line : acct.out().split("\n")) {
        String[] parts = line.trim().split("\\|");
        if (parts.length == 3 && parts[0].matches(Pattern.quote(id) + "_[0-9]+")) {
          String state = parts[1].split(" ")[0];
          int index = Integer.parseInt(parts[0].substring(id.length() + 1));
          if (ENDED.contains(state)) {
            out.put(index, outcome(index, state, parts[2], "None"));
          }
        }
      }
    }
    return out;
  }

  private static TrialOutcome outcome(int index, String state, String exit, String reason) {
    boolean succeeded = state.equals("COMPLETED") && (exit.isEmpty() || exit.equals("0:0"));
    List<String> detail = new ArrayList<>();
    if (!exit.isEmpty() && !exit.equals("0:0")) {
      detail.add("exit code " + exit);
    }
    if (!reason.equals("None")) {
      detail.add("reason " + reason);
    }
    return new TrialOutcome(index, state, true, succeeded, String.join(", ", detail));
  }

  private SlurmCommands.Result call(List<String> command) throws IOException {
    try {
      return commands.run(command);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    }
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElse("(no message)");
  }

  /** {@code s} as one bash word. */
  static String quote(String s) {
    return s.matches("[A-Za-z0-9_./=:,@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
