package org.latentlab.experiments.run;

import org.latentlab.api.spi.Parameters;
import org.latentlab.api.spi.SweepExecutor;
import org.latentlab.api.spi.SweepExecutorProvider;

/**
 * Entry point of the local process pool ({@link LocalSweepExecutor}), the default executor. With
 * {@code --jobs 1} (the default) the launcher runs the trials one after another in its own process instead.
 */
public final class LocalSweepExecutorProvider implements SweepExecutorProvider<LocalSweepExecutorProvider.None> {
  /** Id of the local executor. */
  public static final String ID = "local";

  /** The local executor has no parameters ({@code --jobs} sets how many trials run at once). */
  public record None() implements Parameters {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Runs a sweep's trials on this machine: one after another in the launcher, or --jobs N child processes at once";
  }

  @Override
  public Class<None> parametersType() {
    return None.class;
  }

  @Override
  public SweepExecutor create(None parameters) {
    return new LocalSweepExecutor();
  }
}
