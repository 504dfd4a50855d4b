package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the denoising autoencoder ({@link DenoisingAutoencoder}). */
public final class DenoisingAutoencoderProvider implements ModelProvider<DenoisingAutoencoderParameters> {

  @Override
  public String id() {
    return "denoising-autoencoder";
  }

  @Override
  public String description() {
    return "Denoising autoencoder: reconstructs clean images from gaussian, masking or salt-and-pepper corrupted ones";
  }

  @Override
  public Class<DenoisingAutoencoderParameters> parametersType() {
    return DenoisingAutoencoderParameters.class;
  }

  @Override
  public Model create(DenoisingAutoencoderParameters parameters, ModelContext context) {
    return new DenoisingAutoencoder(parameters, context);
  }
}
