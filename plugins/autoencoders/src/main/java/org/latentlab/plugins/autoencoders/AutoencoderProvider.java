package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the plain autoencoder ({@link Autoencoder}), conv or MLP. */
public final class AutoencoderProvider implements ModelProvider<AutoencoderParameters> {

  @Override
  public String id() {
    return "autoencoder";
  }

  @Override
  public String description() {
    return "Plain autoencoder (conv or MLP encoder, mirrored decoder), BCE or MSE reconstruction";
  }

  @Override
  public Class<AutoencoderParameters> parametersType() {
    return AutoencoderParameters.class;
  }

  @Override
  public Model create(AutoencoderParameters parameters, ModelContext context) {
    return new Autoencoder(parameters, context);
  }
}
