package org.latentlab.plugins.gans;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the small StyleGAN (Karras et al. 2019; {@link StyleGan}, {@link StyleGanParameters}). */
public final class StyleGanProvider implements ModelProvider<StyleGanParameters> {

  @Override
  public String id() {
    return "stylegan";
  }

  @Override
  public String description() {
    return "StyleGAN-style generator (Karras et al. 2019): mapping network, learned constant, AdaIN styles,"
        + " noise inputs, style mixing; strided-conv discriminator";
  }

  @Override
  public Class<StyleGanParameters> parametersType() {
    return StyleGanParameters.class;
  }

  @Override
  public Model create(StyleGanParameters p, ModelContext context) {
    return new StyleGan(
        new StyleGenerator(context.scope().child(AdversarialProgram.GENERATOR), p.latentDim(), p.mappingLayers(),
            p.channels(), context.data()),
        Networks.styleDiscriminator(context.scope().child(AdversarialProgram.DISCRIMINATOR), p.channels(),
            context.data()),
        p.program(), p.mixingProbability().floatValue());
  }
}
