/** Evaluators of learned representations: linear probe, reconstruction error. */
module org.latentlab.plugins.evaluators {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.evaluators;

  provides org.latentlab.api.spi.EvaluatorProvider with
      org.latentlab.plugins.evaluators.LinearProbeEvaluatorProvider,
      org.latentlab.plugins.evaluators.ReconstructionErrorEvaluatorProvider;
}
