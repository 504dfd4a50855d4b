/** The GAN family, written once against the neutral API. */
module org.latentlab.plugins.gans {
  requires org.latentlab.api;

  // Parameter records are bound reflectively by the launcher.
  opens org.latentlab.plugins.gans;

  provides org.latentlab.api.spi.ModelProvider with
      org.latentlab.plugins.gans.GanProvider,
      org.latentlab.plugins.gans.DcganProvider,
      org.latentlab.plugins.gans.ConditionalGanProvider,
      org.latentlab.plugins.gans.InfoGanProvider,
      org.latentlab.plugins.gans.WganGpProvider,
      org.latentlab.plugins.gans.StyleGanProvider,
      org.latentlab.plugins.gans.SrganProvider;
}
