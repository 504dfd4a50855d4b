/** Evaluators of learned representations and generated images (probes, clustering, maps, anomaly, disentanglement, generation). */
module org.latentlab.plugins.evaluators {
  requires org.latentlab.api;
  // EJML (PCA of the latent maps): automatic modules named after their jars
  requires ejml.core;
  requires ejml.ddense;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.evaluators;

  provides org.latentlab.api.spi.EvaluatorProvider with
      org.latentlab.plugins.evaluators.LinearProbeEvaluatorProvider,
      org.latentlab.plugins.evaluators.KnnProbeEvaluatorProvider,
      org.latentlab.plugins.evaluators.LabelEfficiencyEvaluatorProvider,
      org.latentlab.plugins.evaluators.ClusteringEvaluatorProvider,
      org.latentlab.plugins.evaluators.AnomalyEvaluatorProvider,
      org.latentlab.plugins.evaluators.DisentanglementEvaluatorProvider,
      org.latentlab.plugins.evaluators.LatentMapEvaluatorProvider,
      org.latentlab.plugins.evaluators.ReconstructionErrorEvaluatorProvider,
      org.latentlab.plugins.evaluators.CodeStatisticsEvaluatorProvider,
      org.latentlab.plugins.evaluators.GenerationEvaluatorProvider,
      org.latentlab.plugins.evaluators.SampleQualityEvaluatorProvider,
      org.latentlab.plugins.evaluators.ClassifierEvaluatorProvider,
      org.latentlab.plugins.evaluators.InfoCodesEvaluatorProvider,
      org.latentlab.plugins.evaluators.StyleMixingEvaluatorProvider,
      org.latentlab.plugins.evaluators.SuperResolutionEvaluatorProvider,
      org.latentlab.plugins.evaluators.ActiveLearningEvaluatorProvider,
      org.latentlab.plugins.evaluators.PretextEvaluatorProvider,
      org.latentlab.plugins.evaluators.FineTuneEvaluatorProvider;
}
