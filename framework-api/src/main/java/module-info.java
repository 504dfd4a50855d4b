/**
 * The LatentLab framework API: what plugin and backend authors compile against. It depends on the JDK
 * only. Model code is written once against {@link org.latentlab.api.ops.Ops} and runs on every backend.
 */
module org.latentlab.api {
  exports org.latentlab.api.tensor;
  exports org.latentlab.api.ops;
  exports org.latentlab.api.nn;
  exports org.latentlab.api.params;
  exports org.latentlab.api.train;
  exports org.latentlab.api.spi;
  exports org.latentlab.api.data;

  uses org.latentlab.api.spi.BackendProvider;
  uses org.latentlab.api.spi.DatasetProvider;
  uses org.latentlab.api.spi.ModelProvider;
  uses org.latentlab.api.spi.PretextTaskProvider;
  uses org.latentlab.api.spi.EvaluatorProvider;
  uses org.latentlab.api.spi.SweepExecutorProvider;
}
