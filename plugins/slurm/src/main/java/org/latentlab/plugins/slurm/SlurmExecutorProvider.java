package org.latentlab.plugins.slurm;

import org.latentlab.api.spi.SweepExecutor;
import org.latentlab.api.spi.SweepExecutorProvider;

/** Entry point of the {@link SlurmExecutor}: a sweep's trials as one Slurm job array. */
public final class SlurmExecutorProvider implements SweepExecutorProvider<SlurmParameters> {
  @Override
  public String id() {
    return "slurm";
  }

  @Override
  public String description() {
    return "Runs a sweep's trials as one Slurm job array (sbatch --array), following them with squeue and scontrol";
  }

  @Override
  public Class<SlurmParameters> parametersType() {
    return SlurmParameters.class;
  }

  @Override
  public SweepExecutor create(SlurmParameters parameters) {
    return new SlurmExecutor(parameters, new SlurmCommands());
  }
}
