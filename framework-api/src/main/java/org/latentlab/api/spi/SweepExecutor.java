package org.latentlab.api.spi;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the trials of a sweep: each {@link SweepJob.Trial} is a command line (a {@code latentlab run} of one
 * combination into the sweep's folder) that the executor starts where it runs trials, and whose end it
 * reports. The launcher writes the sweep's summary from the run folders once every trial has ended.
 */
public interface SweepExecutor {
  /**
   * Checks, before anything runs, that the trials could be started (e.g. that the cluster accepts the
   * requested partition and time); nothing by default.
   *
   * @throws IllegalArgumentException with the refusal, naming what to change
   */
  default void check(SweepJob job) throws IOException {}

  /**
   * Starts the trials of {@code job} (all of them, or those {@link SweepJob#trials()} lists, e.g. the failed
   * ones of an earlier submission) and returns an identifier of the submission (a job id).
   */
  String submit(SweepJob job) throws IOException;

  /**
   * Follows submission {@code id} of {@code job} until every trial has ended, telling {@code progress} of
   * each state change, and returns the outcome of every trial in the order of {@link SweepJob#trials()}.
   */
  List<TrialOutcome> await(String id, SweepJob job, Consumer<TrialOutcome> progress)
      throws IOException, InterruptedException;

  /** Whether submitted trials go on when the launcher exits, so {@code --detach} can return at once. */
  default boolean detachable() {
    return false;
  }

  /**
   * The state of one trial.
   *
   * @param index    the trial's index in the sweep
   * @param state    the executor's name for it, e.g. {@code PENDING}, {@code RUNNING}, {@code COMPLETED},
   *                 {@code FAILED}, {@code CANCELLED}, {@code TIMEOUT}
   * @param ended    whether it will not change any more
   * @param succeeded whether it ended and its command exited with status 0
   * @param detail   anything else worth reporting (exit code, reason), or empty
   */
  record TrialOutcome(int index, String state, boolean ended, boolean succeeded, String detail) {}
}
