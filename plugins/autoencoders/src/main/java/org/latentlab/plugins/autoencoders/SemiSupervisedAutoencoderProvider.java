package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the semi-supervised autoencoder ({@link SemiSupervisedAutoencoder}). */
public final class SemiSupervisedAutoencoderProvider implements ModelProvider<SemiSupervisedParameters> {

  @Override
  public String id() {
    return "semi-supervised-autoencoder";
  }

  @Override
  public String description() {
    return "Autoencoder with a classifier head trained jointly on a small class-balanced labelled subset";
  }

  @Override
  public Class<SemiSupervisedParameters> parametersType() {
    return SemiSupervisedParameters.class;
  }

  @Override
  public Model create(SemiSupervisedParameters parameters, ModelContext context) {
    return new SemiSupervisedAutoencoder(parameters, context);
  }
}
