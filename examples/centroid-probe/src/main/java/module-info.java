/** An example LatentLab plugin: the nearest-centroid probe evaluator. */
module org.example.centroid {
  requires org.latentlab.api;

  // The launcher binds the parameters record reflectively.
  opens org.example.centroid;

  provides org.latentlab.api.spi.EvaluatorProvider with org.example.centroid.CentroidProbeProvider;
}
