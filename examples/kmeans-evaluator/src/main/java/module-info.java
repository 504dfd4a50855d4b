/** An example LatentLab plugin: the {@code kmeans-purity} evaluator. */
module org.example.kmeans {
  requires org.latentlab.api;

  // The launcher binds the parameters record reflectively.
  opens org.example.kmeans;

  provides org.latentlab.api.spi.EvaluatorProvider with org.example.kmeans.KMeansPurityProvider;
}
