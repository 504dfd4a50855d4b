package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of the conditional GAN (Mirza &amp; Osindero 2014; {@link ConditionalGan},
 * {@link ConditionalGanParameters}).
 */
public final class ConditionalGanProvider implements ModelProvider<ConditionalGanParameters> {

  @Override
  public String id() {
    return "conditional-gan";
  }

  @Override
  public String description() {
    return "Conditional GAN (Mirza & Osindero 2014): one-hot class label into both networks (MLPs as the paper, or DCGAN networks with a projection discriminator)";
  }

  @Override
  public Class<ConditionalGanParameters> parametersType() {
    return ConditionalGanParameters.class;
  }

  @Override
  public Model create(ConditionalGanParameters parameters, ModelContext context) {
    return new ConditionalGan(parameters, context);
  }
}
