package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of InfoGAN (Chen et al. 2016; {@link InfoGan}, {@link InfoGanParameters}): the DCGAN networks
 * with a categorical and continuous latent codes and a Q head maximising their mutual information with
 * the samples.
 */
public final class InfoGanProvider implements ModelProvider<InfoGanParameters> {

  @Override
  public String id() {
    return "infogan";
  }

  @Override
  public String description() {
    return "InfoGAN (Chen et al. 2016): DCGAN networks with a categorical code c1 and continuous codes,"
        + " a Q head on the discriminator maximising their mutual information with the samples";
  }

  @Override
  public Class<InfoGanParameters> parametersType() {
    return InfoGanParameters.class;
  }

  @Override
  public Model create(InfoGanParameters parameters, ModelContext context) {
    return new InfoGan(parameters, context);
  }
}
