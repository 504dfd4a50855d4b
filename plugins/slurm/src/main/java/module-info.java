/** The Slurm sweep executor: a sweep's trials as one job array of a Slurm cluster. */
module org.latentlab.plugins.slurm {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.slurm;

  provides org.latentlab.api.spi.SweepExecutorProvider with org.latentlab.plugins.slurm.SlurmExecutorProvider;
}
