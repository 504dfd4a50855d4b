package org.latentlab.plugins.selfsupervised;

import org.latentlab.api.spi.Model;
import org.latentlab.api.spi.ModelContext;
import org.latentlab.api.spi.PretextTaskProvider;

/** Entry point of contrastive exemplar learning with NT-Xent ({@link ContrastiveLearning}). */
public final class ContrastiveProvider implements PretextTaskProvider<ContrastiveParameters> {
  @Override
  public String id() {
    return "contrastive";
  }

  @Override
  public String description() {
    return "Contrastive exemplars (Dosovitskiy et al. 2014) with SimCLR's NT-Xent: two augmented views of each image"
        + " must find each other in the batch; projection head dropped for evaluation";
  }

  @Override
  public Class<ContrastiveParameters> parametersType() {
    return ContrastiveParameters.class;
  }

  @Override
  public Model create(ContrastiveParameters parameters, ModelContext context) {
    return new ContrastiveLearning(parameters, context);
  }
}
