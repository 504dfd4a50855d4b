/** The autoencoder family, written once against the neutral API. */
module org.latentlab.plugins.autoencoders {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.autoencoders;

  provides org.latentlab.api.spi.ModelProvider with
      org.latentlab.plugins.autoencoders.ConvAutoencoderProvider,
      org.latentlab.plugins.autoencoders.AutoencoderProvider,
      org.latentlab.plugins.autoencoders.SparseAutoencoderProvider,
      org.latentlab.plugins.autoencoders.DenoisingAutoencoderProvider,
      org.latentlab.plugins.autoencoders.VaeProvider,
      org.latentlab.plugins.autoencoders.SemiSupervisedAutoencoderProvider;
}
