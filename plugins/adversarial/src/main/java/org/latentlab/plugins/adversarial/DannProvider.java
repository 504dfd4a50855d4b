package org.latentlab.plugins.adversarial;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.ModelProvider;

/** Entry point of domain-adversarial training ({@link Dann}, {@link DannParameters}). */
public final class DannProvider implements ModelProvider<DannParameters> {

  @Override
  public String id() {
    return "dann";
  }

  @Override
  public String description() {
    return "Domain-adversarial network (Ganin et al. 2016): labels on the labelled source images, a domain"
        + " classifier through gradient reversal on all";
  }

  @Override
  public Class<DannParameters> parametersType() {
    return DannParameters.class;
  }

  @Override
  public Model create(DannParameters p, ModelContext context) {
    ClassifierNetwork network = ClassifierNetwork.withColourBlock(context.scope(), context.data(), p.channels(),
        p.latentDim());
    return new Dann(network, context.scope().child(Dann.DOMAIN_SCOPE), p);
  }
}
