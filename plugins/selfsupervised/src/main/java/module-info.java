/** The self-supervised pretext tasks, written once against the neutral API. */
module org.latentlab.plugins.selfsupervised {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.selfsupervised;

  provides org.latentlab.api.spi.PretextTaskProvider with
      org.latentlab.plugins.selfsupervised.RotationProvider,
      org.latentlab.plugins.selfsupervised.ContrastiveProvider,
      org.latentlab.plugins.selfsupervised.ContextProvider,
      org.latentlab.plugins.selfsupervised.ColorizationProvider,
      org.latentlab.plugins.selfsupervised.JigsawProvider;
}
