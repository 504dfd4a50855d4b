package org.latentlab.api.spi;

/**
 * Entry point of a sweep executor: where the trials of a sweep run, e.g. as processes on this machine
 * ({@code local}) or as a job array of a cluster's batch system ({@code slurm}). A descriptor names one in
 * its {@code executor} section, or {@code latentlab run --executor ID} does.
 */
public interface SweepExecutorProvider<P extends Parameters> extends Provider<P> {
  /** The executor with these parameters. */
  SweepExecutor create(P parameters);
}
