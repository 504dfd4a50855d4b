package org.latentlab.plugins.gans;

import java.util.Optional;

import org.latentlab.api.nn.Reshape;
import org.latentlab.api.nn.Sequential;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of the MLP GAN (Goodfellow et al. 2014; {@link Gan}, {@link GanParameters}). */
public final class GanProvider implements ModelProvider<GanParameters> {

  @Override
  public String id() {
    return "gan";
  }

  @Override
  public String description() {
    return "GAN (Goodfellow et al. 2014): MLP generator and discriminator, minimax or non-saturating generator loss";
  }

  @Override
  public Class<GanParameters> parametersType() {
    return GanParameters.class;
  }

  @Override
  public Model create(GanParameters p, ModelContext context) {
    Scope g = context.scope().child(AdversarialProgram.GENERATOR);
    Scope d = context.scope().child(AdversarialProgram.DISCRIMINATOR);
    return new Gan(
        Networks.mlpGenerator(g, p.latentDim(), p.hidden(), context.data()),
        Sequential.of(Reshape.flatten(), Networks.centred(),
            Networks.mlpDiscriminator(d, context.data().imageSize(), p.hidden())),
        p.program(), Optional.empty());
  }
}
