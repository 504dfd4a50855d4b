package org.latentlab.plugins.slurm;

import java.util.List;
import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.Problems;

/**
 * Parameters of the Slurm executor: the resources of each array task (one trial), as {@code sbatch} takes them.
 *
 * @param partition    {@code --partition}; empty for the cluster's default partition
 * @param time         {@code --time} limit per trial, e.g. {@code 02:00:00}; empty for the partition's default
 * @param cpus         {@code --cpus-per-task} (default 2, the backends' default engine threads; set the
 *                     backend's {@code threads} to match)
 * @param gpus         GPUs per trial, {@code --gres=gpu:N} (default 0)
 * @param memory       {@code --mem}, e.g. {@code 8G}; empty for the partition's default
 * @param account      {@code --account}; empty for the user's default
 * @param extraArguments further {@code sbatch} options, passed as they are (e.g. {@code --qos=short})
 * @param pollSeconds  seconds between looks at the trials' states (default 5)
 */
public record SlurmParameters(String partition, String time, Integer cpus, Integer gpus, String memory, String account,
    List<String> extraArguments, Integer pollSeconds) implements Parameters {

  /** Fills in defaults for absent fields. */
  public SlurmParameters {
    partition = partition == null ? "" : partition;
    time = time == null ? "" : time;
    cpus = cpus == null ? 2 : cpus;
    gpus = gpus == null ? 0 : gpus;
    memory = memory == null ? "" : memory;
    account = account == null ? "" : account;
    extraArguments = extraArguments == null ? List.of() : List.copyOf(extraArguments);
    pollSeconds = pollSeconds == null ? 5 : pollSeconds;
  }

  @Override
  public void validate(Problems problems) {
    problems.require(cpus >= 1, "cpus", cpus, "must be >= 1");
    problems.require(gpus >= 0, "gpus", gpus, "must be >= 0");
    problems.require(time.isEmpty() || time.matches("[0-9:-]+"), "time", time,
        "must be a Slurm time such as 30, 02:00:00 or 1-12:00:00");
    problems.require(pollSeconds >= 1, "pollSeconds", pollSeconds, "must be >= 1");
  }

  /** The resource options of {@code sbatch} these parameters ask for. */
  List<String> sbatchOptions() {
    List<String> out = new java.util.ArrayList<>();
    if (!partition.isEmpty()) {
      out.add("--partition=" + partition);
    }
    if (!time.isEmpty()) {
      out.add("--time=" + time);
    }
    out.add("--cpus-per-task=" + cpus);
    if (gpus > 0) {
      out.add("--gres=gpu:" + gpus);
    }
    if (!memory.isEmpty()) {
      out.add("--mem=" + memory);
    }
    if (!account.isEmpty()) {
      out.add("--account=" + account);
    }
    out.addAll(extraArguments);
    return out;
  }
}
