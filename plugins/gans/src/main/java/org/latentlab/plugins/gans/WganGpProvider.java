package org.latentlab.plugins.gans;

import java.util.Set;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Capability;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of WGAN-GP (Gulrajani et al. 2017; {@link WganGp}, {@link WganGpParameters}). Its gradient
 * penalty needs {@link Capability#HIGHER_ORDER_GRADIENTS}, which the launcher checks before training.
 */
public final class WganGpProvider implements ModelProvider<WganGpParameters> {

  @Override
  public String id() {
    return "wgan-gp";
  }

  @Override
  public String description() {
    return "WGAN-GP (Gulrajani et al. 2017): Wasserstein critic with a gradient penalty on random interpolates,"
        + " n critic steps per generator step; needs higher-order gradients";
  }

  @Override
  public Class<WganGpParameters> parametersType() {
    return WganGpParameters.class;
  }

  @Override
  public Set<Capability> requiredCapabilities(WganGpParameters parameters) {
    return Set.of(Capability.HIGHER_ORDER_GRADIENTS);
  }

  @Override
  public Model create(WganGpParameters p, ModelContext context) {
    Scope g = context.scope().child(WassersteinProgram.GENERATOR);
    Scope c = context.scope().child(WassersteinProgram.CRITIC);
    return new WganGp(
        Networks.convGenerator(g, p.latentDim(), p.channels(), context.data()),
        Networks.convDiscriminator(c, p.channels(), context.data()),
        p.program());
  }
}
