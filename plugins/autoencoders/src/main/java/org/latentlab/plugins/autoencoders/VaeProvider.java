package org.latentlab.plugins.autoencoders;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the variational autoencoder ({@link Vae}). */
public final class VaeProvider implements ModelProvider<VaeParameters> {

  @Override
  public String id() {
    return "vae";
  }

  @Override
  public String description() {
    return "Variational autoencoder (Kingma & Welling 2014), beta-weighted KL (Higgins et al. 2017)";
  }

  @Override
  public Class<VaeParameters> parametersType() {
    return VaeParameters.class;
  }

  @Override
  public Model create(VaeParameters parameters, ModelContext context) {
    return new Vae(parameters, context);
  }
}
