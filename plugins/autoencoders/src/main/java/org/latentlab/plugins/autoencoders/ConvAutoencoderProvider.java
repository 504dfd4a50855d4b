package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the convolutional autoencoder ({@link ConvAutoencoder}). */
public final class ConvAutoencoderProvider implements ModelProvider<ConvAutoencoderParameters> {

  @Override
  public String id() {
    return "conv-autoencoder";
  }

  @Override
  public String description() {
    return "Convolutional autoencoder: two strided conv blocks to a dense code, mirrored decoder, BCE or MSE";
  }

  @Override
  public Class<ConvAutoencoderParameters> parametersType() {
    return ConvAutoencoderParameters.class;
  }

  @Override
  public Model create(ConvAutoencoderParameters parameters, ModelContext context) {
    return new ConvAutoencoder(parameters, context);
  }
}
