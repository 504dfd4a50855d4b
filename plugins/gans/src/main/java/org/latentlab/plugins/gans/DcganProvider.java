package org.latentlab.plugins.gans;

import java.util.Optional;
import org.latentlab.api.nn.Layer;
import org.latentlab.api.params.Scope;
import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/**
 * Entry point of the DCGAN (Radford et al. 2016): the game of {@link Gan} with the convolutional
 * networks of {@link Networks}; parameters in {@link DcganParameters}.
 */
public final class DcganProvider implements ModelProvider<DcganParameters> {

  @Override
  public String id() {
    return "dcgan";
  }

  @Override
  public String description() {
    return "DCGAN (Radford et al. 2016): transposed-conv generator with batch norm,"
        + " strided-conv LeakyReLU discriminator";
  }

  @Override
  public Class<DcganParameters> parametersType() {
    return DcganParameters.class;
  }

  @Override
  public Model create(DcganParameters p, ModelContext context) {
    Scope g = context.scope().child(AdversarialProgram.GENERATOR);
    Scope d = context.scope().child(AdversarialProgram.DISCRIMINATOR);
    Layer generator = Networks.convGenerator(g, p.latentDim(), p.channels(), context.data());
    Optional<GeneratorAverage> average = p.averageDecay() > 0
        ? Optional.of(GeneratorAverage.declare(g, p.averageDecay().floatValue()))
        : Optional.empty();
    return new Gan(generator, Networks.convDiscriminator(d, p.channels(), context.data()), p.program(), average);
  }
}
