package org.latentlab.api.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link SweepExecutor} runs: the trials of one sweep.
 *
 * @param name        the experiment's name (a job name)
 * @param directory   the sweep's folder, on a file system every place that runs trials can read and write
 * @param trials      the trials to run (all of the sweep's, or a subset when retrying)
 * @param parallelism at most this many trials at once
 */
public record SweepJob(String name, Path directory, List<Trial> trials, int parallelism) {
  /** Copies the list. */
  public SweepJob {
    trials = List.copyOf(trials);
  }

  /**
   * One combination of the sweep.
   *
   * @param index   its index in the sweep ({@code latentlab run --trial index})
   * @param label   grid point and seed, for people
   * @param command the command line that runs it (program first)
   * @param log     where its standard output and error go
   */
  public record Trial(int index, String label, List<String> command, Path log) {
    /** Copies the list. */
    public Trial {
      command = List.copyOf(command);
    }
  }
}
